// Feeds panes like the app receives a stream: the main process sends one batch every `batchMs`
// (stream-batcher.ts); each batch has a nominal arrival time, and the page applies what has
// arrived once per animation frame, one store update per pane. Latency is measured from the
// nominal arrival, so time a batch waits behind a busy main thread counts.
import { realisticMarkdownTokens } from '../../tests/fakes/markdown-tokens';
import { appendToPane } from './panes';
import { afterTask } from './measure';

export interface FeedConfig {
  panes: number;
  tokensPerSec: number;
  /** Stop after this long; Infinity runs until stop() (typing benchmark). */
  durationMs: number;
  batchMs: number;
}

interface Batch {
  arrivedAt: number;
  text: string;
}

export interface Feed {
  /** Resolves when the duration is over and the last batch is painted. */
  done: Promise<void>;
  latencies: number[];
  stop(): void;
}

export function startFeed(cfg: FeedConfig): Feed {
  const perBatch = Math.max(1, Math.round((cfg.tokensPerSec * cfg.batchMs) / 1000));
  const tokenCount = Number.isFinite(cfg.durationMs) ? Math.ceil((cfg.tokensPerSec * cfg.durationMs) / 1000) + perBatch : 60_000;
  const tokens = realisticMarkdownTokens(tokenCount);
  const pending: Batch[][] = Array.from({ length: cfg.panes }, () => []);
  const latencies: number[] = [];
  const t0 = performance.now();
  let sent = 0;
  let batchIndex = 0;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let finish: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (finish = resolve));

  const deliver = () => {
    // Deliver every batch whose nominal time has passed (a late timer delivers several at once).
    const now = performance.now();
    while (!stopped && t0 + batchIndex * cfg.batchMs <= now) {
      const arrivedAt = t0 + batchIndex * cfg.batchMs;
      const text = tokens.slice(sent % tokens.length, (sent % tokens.length) + perBatch).join('');
      sent += perBatch;
      batchIndex += 1;
      for (const queue of pending) queue.push({ arrivedAt, text });
      if (arrivedAt - t0 >= cfg.durationMs) stopped = true;
    }
    if (!stopped) timer = setTimeout(deliver, Math.max(0, t0 + batchIndex * cfg.batchMs - performance.now()));
  };

  const frame = () => {
    const applied: number[] = [];
    pending.forEach((queue, pane) => {
      if (queue.length === 0) return;
      appendToPane(pane, queue.map((b) => b.text).join(''));
      for (const b of queue) applied.push(b.arrivedAt);
      queue.length = 0;
    });
    void afterTask().then((paintedAt) => {
      for (const at of applied) latencies.push(paintedAt - at);
      if (stopped && pending.every((q) => q.length === 0)) finish();
      else requestAnimationFrame(frame);
    });
  };

  deliver();
  requestAnimationFrame(frame);
  return {
    done,
    latencies,
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
}
