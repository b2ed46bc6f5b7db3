// One render budget per animation frame, shared by every streaming pane. Streamed text is queued
// per lane (one lane per stream) and handed to the stores at most once per frame, lane by lane,
// until the frame's budget is spent; lanes left over go first in the next frame, so every pane
// moves and no frame renders all of them at once. Input wins: a frame that follows a key press or
// a click commits nothing, so the frame showing the key is not held back by streamed text. When
// frames still run long, the next commits are spaced out so each lane takes more text per commit;
// the spacing grows while frames run long and shrinks once they fit again.

export interface FrameClock {
  requestFrame(run: (time: number) => void): void;
  now(): number;
}

/** Says whether the user pressed a key or a button since it was last asked. */
export interface InputSignal {
  takePending(): boolean;
}

const browserClock: FrameClock = { requestFrame: (run) => requestAnimationFrame(run), now: () => performance.now() };

let browserInputSeen = false;
let browserInputListening = false;
const browserInput: InputSignal = {
  takePending() {
    if (!browserInputListening && typeof window !== 'undefined') {
      browserInputListening = true;
      const seen = () => (browserInputSeen = true);
      for (const type of ['keydown', 'pointerdown', 'compositionupdate'] as const) window.addEventListener(type, seen, { capture: true, passive: true });
    }
    const seen = browserInputSeen;
    browserInputSeen = false;
    return seen;
  },
};

/** A frame longer than this means rendering did not fit: one 60 Hz frame plus half of one. */
export const LONG_FRAME_MS = 25;
/** Rendering streamed text may take this much of a frame before the other lanes wait for the next one. */
export const FRAME_BUDGET_MS = 6;
const MAX_SKIP = 8;

export interface FrameBatcherOptions<T> {
  clock?: FrameClock;
  input?: InputSignal;
  /** Items of one lane are applied together and in order; lanes are independent (default: one lane). */
  laneOf?: (item: T) => string;
  budgetMs?: number;
}

export interface FrameBatcher<T> {
  push(item: T): void;
  /** Applies everything queued now, whatever the budget (Stop, end of stream). */
  flushNow(): void;
  /** Frames skipped between commits at the moment (0 = a commit every frame). */
  readonly skip: number;
}

export function createFrameBatcher<T>(apply: (items: T[]) => void, options: FrameBatcherOptions<T> = {}): FrameBatcher<T> {
  const clock = options.clock ?? browserClock;
  const input = options.input ?? browserInput;
  const laneOf = options.laneOf ?? (() => '');
  const budgetMs = options.budgetMs ?? FRAME_BUDGET_MS;
  // Insertion order is the round-robin order: a lane committed goes to the back when it refills.
  const lanes = new Map<string, T[]>();
  let scheduled = false;
  let skip = 0;
  let wait = 0;
  let lastFrame: number | undefined;

  const commitLane = (lane: string): void => {
    const items = lanes.get(lane);
    lanes.delete(lane);
    if (items?.length) apply(items);
  };

  const flushNow = (): void => {
    for (const lane of [...lanes.keys()]) commitLane(lane);
  };

  const next = (): void => clock.requestFrame(onFrame);

  const onFrame = (time: number): void => {
    // Frames are timed from one to the next while text flows: a commit is followed by one more
    // frame even when nothing is queued, so its cost is seen.
    const interval = lastFrame === undefined ? 0 : time - lastFrame;
    lastFrame = time;
    if (interval > LONG_FRAME_MS) skip = Math.min(MAX_SKIP, skip + 1);
    else if (interval > 0 && skip > 0 && wait === 0) skip -= 1;
    if (input.takePending()) return next();
    if (wait > 0) {
      wait -= 1;
      return next();
    }
    if (lanes.size === 0) {
      scheduled = false;
      lastFrame = undefined;
      return;
    }
    wait = skip;
    const started = clock.now();
    // At least one lane per frame; more while the budget lasts.
    for (const lane of [...lanes.keys()]) {
      commitLane(lane);
      if (clock.now() - started >= budgetMs) break;
    }
    next();
  };

  return {
    push(item) {
      const lane = laneOf(item);
      const queue = lanes.get(lane);
      if (queue) queue.push(item);
      else lanes.set(lane, [item]);
      if (!scheduled) {
        scheduled = true;
        next();
      }
    },
    flushNow,
    get skip() {
      return skip;
    },
  };
}
