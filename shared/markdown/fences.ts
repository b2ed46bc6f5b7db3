// Fenced regions (``` / ~~~ code and $$ math) as a line scanner sees them. Fences are
// recognised at any indentation so a fence inside a list item is never cut.

const FENCE_OPEN = /^[ \t]*(`{3,}|~{3,})(.*)$/;
const MATH_OPEN = /^[ \t]*(\${2,})(.*)$/;

export interface Fence {
  readonly kind: 'code' | 'math';
  readonly marker: string;
}

export function openFence(line: string): Fence | null {
  const code = FENCE_OPEN.exec(line);
  if (code) {
    const marker = code[1] ?? '';
    // A backtick fence's info string cannot contain a backtick (CommonMark 4.5).
    if (marker.startsWith('`') && (code[2] ?? '').includes('`')) return null;
    return { kind: 'code', marker };
  }
  const math = MATH_OPEN.exec(line);
  if (math) {
    const marker = math[1] ?? '';
    // `$$ x^2 $$` on one line opens and closes at once.
    if ((math[2] ?? '').includes(marker)) return null;
    return { kind: 'math', marker };
  }
  return null;
}

export function closesFence(line: string, fence: Fence): boolean {
  const trimmed = line.trim();
  if (fence.kind === 'math') return trimmed.startsWith(fence.marker) || trimmed.endsWith(fence.marker);
  const char = fence.marker[0] ?? '`';
  if (trimmed.length < fence.marker.length) return false;
  for (const c of trimmed) if (c !== char) return false;
  return true;
}
