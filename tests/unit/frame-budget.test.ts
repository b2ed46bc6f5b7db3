import { describe, expect, it } from 'vitest';
import { createFrameBatcher, FRAME_BUDGET_MS, LONG_FRAME_MS, type FrameClock, type InputSignal } from '../../renderer/state/frame-budget';

/** Animation frames driven by the test: `frame(ms)` runs the callbacks waiting for the next frame, `ms` after the last one. */
function frames(): FrameClock & { frame(ms: number): void; spend(ms: number): void } {
  let waiting: ((t: number) => void)[] = [];
  let time = 0;
  return {
    requestFrame: (run) => waiting.push(run),
    now: () => time,
    /** Time passing inside a frame: what rendering a commit costs. */
    spend(ms) {
      time += ms;
    },
    frame(ms) {
      time += ms;
      const run = waiting;
      waiting = [];
      for (const r of run) r(time);
    },
  };
}

const noInput: InputSignal = { takePending: () => false };

describe('the per-frame stream budget shared by all panes', () => {
  it('hands everything that arrived to the panes once per frame, in order', () => {
    const clock = frames();
    const commits: string[][] = [];
    const batcher = createFrameBatcher<string>((items) => commits.push(items), { clock, input: noInput });
    batcher.push('a');
    batcher.push('b');
    expect(commits).toEqual([]);
    clock.frame(16);
    batcher.push('c');
    clock.frame(16);
    expect(commits).toEqual([['a', 'b'], ['c']]);
  });

  it('coalesces more text per commit while frames run long, and goes back to every frame when they fit', () => {
    const clock = frames();
    const commits: string[][] = [];
    const batcher = createFrameBatcher<string>((items) => commits.push(items), { clock, input: noInput });
    let n = 0;
    const streamFrame = (ms: number) => {
      batcher.push(String(n++));
      clock.frame(ms);
    };
    streamFrame(16);
    for (let i = 0; i < 6; i += 1) streamFrame(LONG_FRAME_MS + 40);
    expect(batcher.skip).toBeGreaterThan(0);
    const commitsWhileSlow = commits.length;
    expect(commitsWhileSlow).toBeLessThan(7);
    // Nothing is lost: every item arrives, only in fewer, larger commits.
    for (let i = 0; i < 40; i += 1) streamFrame(16);
    expect(batcher.skip).toBe(0);
    expect(commits.flat()).toEqual(Array.from({ length: n }, (_, i) => String(i)));
    expect(commits.slice(-3).every((c) => c.length === 1)).toBe(true);
  });

  it('applies what is queued at once when asked (Stop), without waiting for a frame', () => {
    const clock = frames();
    const commits: string[][] = [];
    const batcher = createFrameBatcher<string>((items) => commits.push(items), { clock, input: noInput });
    batcher.push('x');
    batcher.flushNow();
    expect(commits).toEqual([['x']]);
    clock.frame(16);
    expect(commits).toEqual([['x']]);
  });

  it('commits lane by lane until the frame budget is spent, and the lanes left over go first next frame', () => {
    const clock = frames();
    const commits: string[][] = [];
    // Each commit costs a little more than half the budget: two lanes fit in a frame, not four.
    const batcher = createFrameBatcher<string>(
      (items) => {
        commits.push(items);
        clock.spend(FRAME_BUDGET_MS * 0.6);
      },
      { clock, input: noInput, laneOf: (item) => item[0]! },
    );
    for (const item of ['a1', 'b1', 'c1', 'a2', 'd1']) batcher.push(item);
    clock.frame(16);
    expect(commits).toEqual([['a1', 'a2'], ['b1']]);
    batcher.push('a3');
    clock.frame(16);
    // c and d waited a frame, so they go before a's new text.
    expect(commits.slice(2)).toEqual([['c1'], ['d1']]);
    clock.frame(16);
    expect(commits.slice(4)).toEqual([['a3']]);
  });

  it('a frame that follows a key press commits nothing, so the key is painted first; the text follows a frame later', () => {
    const clock = frames();
    const commits: string[][] = [];
    let pressed = false;
    const input: InputSignal = {
      takePending() {
        const was = pressed;
        pressed = false;
        return was;
      },
    };
    const batcher = createFrameBatcher<string>((items) => commits.push(items), { clock, input });
    batcher.push('x');
    pressed = true;
    clock.frame(16);
    expect(commits).toEqual([]);
    clock.frame(16);
    expect(commits).toEqual([['x']]);
  });
});
