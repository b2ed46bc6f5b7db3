// Holds streamed text in memory and writes it in throttled batches: one transaction at most
// every `intervalMs`, so a token-per-millisecond stream costs a handful of writes per second
// while a crash loses no more than the last interval.

export interface PendingText {
  text: string;
  reasoning: string;
}

export interface AppendBuffer {
  append(id: string, delta: Partial<PendingText>): void;
  /** Takes (and forgets) what is pending for one message, for a caller that writes it itself. */
  take(id: string): PendingText | undefined;
  /** What is pending for one message, left in place (reads overlay it when a write failed). */
  peek(id: string): PendingText | undefined;
  flushAll(): void;
  dispose(): void;
}

export interface AppendBufferOptions {
  /** Writes every pending batch; called inside no transaction, the writer opens one. */
  write(batch: Map<string, PendingText>): void;
  intervalMs?: number;
  now?: () => number;
  /** A timed flush that failed; its text stays pending and is retried with the next one. */
  onError?: (error: unknown) => void;
}

export function createAppendBuffer(options: AppendBufferOptions): AppendBuffer {
  const intervalMs = options.intervalMs ?? 200;
  const now = options.now ?? Date.now;
  let pending = new Map<string, PendingText>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastFlushAt = Number.NEGATIVE_INFINITY;

  const cancel = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
  };

  const flushAll = () => {
    cancel();
    if (pending.size === 0) return;
    const batch = pending;
    pending = new Map();
    lastFlushAt = now();
    try {
      options.write(batch);
    } catch (error) {
      requeue(batch);
      throw error;
    }
  };

  // Text that arrived while the failed batch was out goes after it.
  const requeue = (batch: Map<string, PendingText>) => {
    for (const [id, later] of pending) {
      const earlier = batch.get(id);
      batch.set(id, earlier ? { text: earlier.text + later.text, reasoning: earlier.reasoning + later.reasoning } : later);
    }
    pending = batch;
  };

  const timedFlush = () => {
    timer = undefined;
    try {
      flushAll();
    } catch (error) {
      options.onError?.(error);
    }
  };

  const schedule = () => {
    if (timer) return;
    const delay = Math.max(0, lastFlushAt + intervalMs - now());
    timer = setTimeout(timedFlush, delay);
    // The app's lifetime is not the buffer's business; callers flushAll before exit.
    timer.unref?.();
  };

  return {
    append(id, delta) {
      if (!delta.text && !delta.reasoning) return;
      const entry = pending.get(id) ?? { text: '', reasoning: '' };
      entry.text += delta.text ?? '';
      entry.reasoning += delta.reasoning ?? '';
      pending.set(id, entry);
      schedule();
    },
    take(id) {
      const entry = pending.get(id);
      pending.delete(id);
      if (pending.size === 0) cancel();
      return entry;
    },
    peek(id) {
      const entry = pending.get(id);
      return entry && { ...entry };
    },
    flushAll,
    dispose: cancel,
  };
}
