// Feeds panes like the app receives a stream: the main process sends one batch every `batchMs`
// (stream-batcher.ts); each batch has a nominal arrival time and goes through the app's own
// frame batcher (renderer/state/frame-budget.ts), which hands text to the panes at most once per
// frame within a budget they share. Latency runs from the nominal arrival (so time a batch waits
// behind a busy main thread counts) to the paint of the first frame whose DOM shows its text
// (a pane's `data-chars` reaching the length it has with that batch), so text rendered late at
// low priority is measured when it appears, not when it was handed over.
import { flushSync } from 'react-dom';
import { createFrameBatcher } from '../../renderer/state/frame-budget';
import { realisticMarkdownTokens } from '../../tests/fakes/markdown-tokens';
import { appendToPane, usePanes } from './panes';
import { afterTask } from './measure';

export interface FeedConfig {
  panes: number;
  tokensPerSec: number;
  /** Stop after this long; Infinity runs until stop() (typing benchmark). */
  durationMs: number;
  batchMs: number;
}

interface Batch {
  pane: number;
  arrivedAt: number;
  text: string;
}

export interface Feed {
  /** Resolves when the duration is over and the last batch is painted. */
  done: Promise<void>;
  latencies: number[];
  stop(): void;
}

/** Characters pane `index` shows in the DOM right now. */
function renderedChars(index: number): number {
  const el = document.querySelector<HTMLElement>(`[data-pane="${index}"] [data-chars]`);
  return Number(el?.dataset.chars ?? 0);
}

export function startFeed(cfg: FeedConfig): Feed {
  const perBatch = Math.max(1, Math.round((cfg.tokensPerSec * cfg.batchMs) / 1000));
  const tokenCount = Number.isFinite(cfg.durationMs) ? Math.ceil((cfg.tokensPerSec * cfg.durationMs) / 1000) + perBatch : 60_000;
  const tokens = realisticMarkdownTokens(tokenCount);
  /** Per pane: batches handed over but not yet visible, with the pane length that shows them. */
  const waiting: { arrivedAt: number; chars: number }[][] = Array.from({ length: cfg.panes }, () => []);
  const latencies: number[] = [];
  const t0 = performance.now();
  let sent = 0;
  let batchIndex = 0;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let finish: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (finish = resolve));

  // One lane per pane, as the app has one per stream; each commit renders at once so the budget sees it.
  const frames = createFrameBatcher<Batch>(
    (mine) => {
      const pane = mine[0]!.pane;
      let chars = usePanes.getState().texts[pane]?.length ?? 0;
      for (const b of mine) {
        chars += b.text.length;
        waiting[pane]!.push({ arrivedAt: b.arrivedAt, chars });
      }
      flushSync(() => appendToPane(pane, mine.map((b) => b.text).join('')));
    },
    { laneOf: (b) => String(b.pane) },
  );

  const deliver = () => {
    // Deliver every batch whose nominal time has passed (a late timer delivers several at once).
    const now = performance.now();
    while (!stopped && t0 + batchIndex * cfg.batchMs <= now) {
      const arrivedAt = t0 + batchIndex * cfg.batchMs;
      const text = tokens.slice(sent % tokens.length, (sent % tokens.length) + perBatch).join('');
      sent += perBatch;
      batchIndex += 1;
      for (let pane = 0; pane < cfg.panes; pane += 1) frames.push({ pane, arrivedAt, text });
      if (arrivedAt - t0 >= cfg.durationMs) stopped = true;
    }
    if (!stopped) timer = setTimeout(deliver, Math.max(0, t0 + batchIndex * cfg.batchMs - performance.now()));
  };

  const watch = () => {
    const shown: number[] = [];
    waiting.forEach((queue, pane) => {
      const chars = renderedChars(pane);
      while (queue.length > 0 && queue[0]!.chars <= chars) shown.push(queue.shift()!.arrivedAt);
    });
    void afterTask().then((paintedAt) => {
      for (const at of shown) latencies.push(paintedAt - at);
      if (stopped && waiting.every((q) => q.length === 0)) finish();
      else requestAnimationFrame(watch);
    });
  };

  deliver();
  requestAnimationFrame(watch);
  return {
    done,
    latencies,
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      frames.flushNow();
      for (const q of waiting) q.length = 0;
    },
  };
}
