// Where the window opens: the bounds it had when it was last closed, if they still fit on a
// display that exists now (a monitor unplugged since must not leave the window off screen).
// Pure data in and out (no 'electron' import at runtime), so it is unit-tested under plain Node.
import { z } from 'zod';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

const savedState = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  maximized: z.boolean().default(false),
});
export type WindowState = z.infer<typeof savedState>;

export const DEFAULT_SIZE = { width: 1280, height: 840 };
export const MIN_SIZE = { width: 760, height: 520 };
/** How much of the title bar must be on a display for the window to count as reachable. */
const MIN_VISIBLE = 100;

/** The saved state from window-state.json's text; undefined when absent, damaged or not ours. */
export function parseWindowState(text: string | undefined): WindowState | undefined {
  if (!text) return undefined;
  try {
    const parsed = savedState.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

function overlap(a: Rect, b: Rect): { w: number; h: number } {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return { w: Math.max(0, w), h: Math.max(0, h) };
}

/** Bounds to open with: the saved ones (clamped to the display's size) or a default size. */
export function restoreBounds(saved: WindowState | undefined, workAreas: readonly Rect[]): Partial<Rect> & { width: number; height: number } {
  if (!saved) return { ...DEFAULT_SIZE };
  const titleBar = { x: saved.x, y: saved.y, width: saved.width, height: 40 };
  const area = workAreas.find((d) => {
    const o = overlap(titleBar, d);
    return o.w >= Math.min(MIN_VISIBLE, saved.width) && o.h > 0;
  });
  if (!area) return { width: Math.max(MIN_SIZE.width, Math.min(saved.width, DEFAULT_SIZE.width)), height: Math.max(MIN_SIZE.height, Math.min(saved.height, DEFAULT_SIZE.height)) };
  return {
    x: saved.x,
    y: saved.y,
    width: Math.max(MIN_SIZE.width, Math.min(saved.width, area.width)),
    height: Math.max(MIN_SIZE.height, Math.min(saved.height, area.height)),
  };
}
