// One render budget per animation frame, shared by every streaming pane. Streamed text is queued
// and handed to the stores at most once per frame. When frames run long (the previous frame took
// well over its 16.7 ms, because rendering streamed text filled it), the next commits are spaced
// out so every pane takes more text per commit and input gets the frames in between. The spacing
// grows while frames run long and shrinks once they fit again.

export interface FrameClock {
  requestFrame(run: (time: number) => void): void;
}

const browserClock: FrameClock = { requestFrame: (run) => requestAnimationFrame(run) };

/** A frame longer than this means rendering did not fit: one 60 Hz frame plus half of one. */
export const LONG_FRAME_MS = 25;
const MAX_SKIP = 8;

export interface FrameBatcher<T> {
  push(item: T): void;
  /** Applies everything queued now, whatever the budget (Stop, end of stream). */
  flushNow(): void;
  /** Frames skipped between commits at the moment (0 = a commit every frame). */
  readonly skip: number;
}

export function createFrameBatcher<T>(apply: (items: T[]) => void, clock: FrameClock = browserClock): FrameBatcher<T> {
  let queue: T[] = [];
  let scheduled = false;
  let skip = 0;
  let wait = 0;
  let lastFrame: number | undefined;

  const flushNow = (): void => {
    if (queue.length === 0) return;
    const items = queue;
    queue = [];
    apply(items);
  };

  const onFrame = (time: number): void => {
    // Frames are timed from one to the next while text flows: a commit is followed by one more
    // frame even when nothing is queued, so its cost is seen.
    const interval = lastFrame === undefined ? 0 : time - lastFrame;
    lastFrame = time;
    if (interval > LONG_FRAME_MS) skip = Math.min(MAX_SKIP, skip + 1);
    else if (interval > 0 && skip > 0 && wait === 0) skip -= 1;
    if (wait > 0) {
      wait -= 1;
      clock.requestFrame(onFrame);
      return;
    }
    if (queue.length === 0) {
      scheduled = false;
      lastFrame = undefined;
      return;
    }
    wait = skip;
    flushNow();
    clock.requestFrame(onFrame);
  };

  return {
    push(item) {
      queue.push(item);
      if (!scheduled) {
        scheduled = true;
        clock.requestFrame(onFrame);
      }
    },
    flushNow,
    get skip() {
      return skip;
    },
  };
}
