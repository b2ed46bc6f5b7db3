import { describe, expect, it } from 'vitest';
import { createFrameBatcher, LONG_FRAME_MS, type FrameClock } from '../../renderer/state/frame-budget';

/** Animation frames driven by the test: `frame(ms)` runs the callbacks waiting for the next frame, `ms` after the last one. */
function frames(): FrameClock & { frame(ms: number): void } {
  let waiting: ((t: number) => void)[] = [];
  let time = 0;
  return {
    requestFrame: (run) => waiting.push(run),
    frame(ms) {
      time += ms;
      const run = waiting;
      waiting = [];
      for (const r of run) r(time);
    },
  };
}

describe('the per-frame stream budget shared by all panes', () => {
  it('hands everything that arrived to the panes once per frame, in order', () => {
    const clock = frames();
    const commits: string[][] = [];
    const batcher = createFrameBatcher<string>((items) => commits.push(items), clock);
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
    const batcher = createFrameBatcher<string>((items) => commits.push(items), clock);
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
    const batcher = createFrameBatcher<string>((items) => commits.push(items), clock);
    batcher.push('x');
    batcher.flushNow();
    expect(commits).toEqual([['x']]);
    clock.frame(16);
    expect(commits).toEqual([['x']]);
  });
});
