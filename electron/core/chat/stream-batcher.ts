// Coalesces stream events so the renderer gets at most one message per interval (one frame),
// whatever the token rate. Consecutive deltas of one stream merge into one; a terminal event
// flushes at once so the end of a reply is never delayed. A merged delta keeps the arrival time
// of its last part.
import type { StreamEvent } from '../../../shared/types';

export interface StreamBatcher {
  push(event: StreamEvent): void;
  flush(): void;
  close(): void;
}

export function createStreamBatcher(emit: (events: StreamEvent[]) => void, intervalMs = 16): StreamBatcher {
  let pending: StreamEvent[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;

  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (pending.length === 0) return;
    const batch = pending;
    pending = [];
    emit(batch);
  };

  const push = (event: StreamEvent) => {
    const last = pending.at(-1);
    if (last && (event.kind === 'text-delta' || event.kind === 'reasoning-delta') && last.kind === event.kind && last.streamId === event.streamId) {
      pending[pending.length - 1] = { ...last, text: last.text + event.text, atMs: event.atMs };
    } else {
      pending.push(event);
    }
    if (event.kind === 'finish' || event.kind === 'error') flush();
    else timer ??= setTimeout(flush, intervalMs);
  };

  return { push, flush, close: flush };
}
