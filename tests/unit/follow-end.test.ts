import { expect, test } from 'vitest';
import { followEnd } from '../../renderer/features/compare/follow-end';

/** A scroller whose every read of scrollHeight is counted: each read is a layout in a browser. */
function pane(height: number, connected = true) {
  let reads = 0;
  const el = {
    isConnected: connected,
    scrollTop: 0,
    get scrollHeight() {
      reads += 1;
      return height;
    },
    get reads() {
      return reads;
    },
  };
  return el;
}

test('panes that grew in one frame are scrolled to their end together, after the commits, once each', async () => {
  const a = pane(900);
  const b = pane(1200);
  const gone = pane(500, false);
  for (const el of [a, b, a, gone, a]) followEnd(el as unknown as HTMLElement);
  // Nothing is read while the frame's commits are still running.
  expect([a.reads, b.reads, a.scrollTop]).toEqual([0, 0, 0]);
  await Promise.resolve();
  expect([a.scrollTop, b.scrollTop]).toEqual([900, 1200]);
  expect([a.reads, b.reads]).toEqual([1, 1]);
  // A pane that left the page is not touched.
  expect([gone.reads, gone.scrollTop]).toEqual([0, 0]);
  // The next frame asks again.
  followEnd(b as unknown as HTMLElement);
  await Promise.resolve();
  expect(b.reads).toBe(2);
});
