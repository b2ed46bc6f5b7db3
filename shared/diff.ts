// Word-level diff between two answers, for reading them side by side. Pure, no I/O.
//
// Tokens are words (or single punctuation marks) with their trailing whitespace; they are compared
// by the word alone, so a reflowed line is not a change. The core is Myers' O(ND) diff with the
// linear-space "middle snake" bisection (as in diff-match-patch's diff_bisect), after trimming the
// common prefix and suffix. Large regions are first cut at words that occur exactly once on each
// side (patience diff's anchors), which keeps two long, mostly different answers fast. A step
// budget bounds the worst case: a region the budget cannot afford is reported as replaced, which
// is still a correct (if less minimal) diff.

export type DiffKind = 'equal' | 'insert' | 'delete';

export interface DiffPart {
  kind: DiffKind;
  /** `equal` and `insert` carry b's text, `delete` carries a's. */
  text: string;
}

export interface DiffOptions {
  /** Inner-loop steps allowed before the remaining regions are reported as replaced. */
  maxSteps?: number;
}

const TOKEN = /(?:[\p{L}\p{N}_]+|[^\s\p{L}\p{N}_])\s*/gu;
const DEFAULT_MAX_STEPS = 8_000_000; // ≈ 200 ms in V8
/** Regions smaller than this (tokens, both sides) get plain Myers, which is minimal. */
const ANCHOR_MIN = 2000;

export function tokenize(text: string): string[] {
  const lead = /^\s+/.exec(text)?.[0];
  const tokens = text.match(TOKEN) ?? [];
  return lead ? [lead, ...tokens] : tokens;
}

type Op = [DiffKind, number, number]; // kind, index into a (delete/equal) or b (insert), count

interface Job {
  a: Int32Array;
  b: Int32Array;
  ops: Op[];
  steps: number;
  maxSteps: number;
}

export function diffWords(a: string, b: string, options: DiffOptions = {}): DiffPart[] {
  const ta = tokenize(a);
  const tb = tokenize(b);
  const ids = new Map<string, number>();
  const intern = (t: string) => {
    const key = t.trimEnd();
    let id = ids.get(key);
    if (id === undefined) ids.set(key, (id = ids.size));
    return id;
  };
  const job: Job = {
    a: Int32Array.from(ta, intern),
    b: Int32Array.from(tb, intern),
    ops: [],
    steps: 0,
    maxSteps: options.maxSteps ?? DEFAULT_MAX_STEPS,
  };
  diffRange(job, 0, ta.length, 0, tb.length);
  return toParts(job.ops, ta, tb);
}

function push(ops: Op[], kind: DiffKind, start: number, count: number): void {
  if (count > 0) ops.push([kind, start, count]);
}

function diffRange(job: Job, aLo: number, aHi: number, bLo: number, bHi: number): void {
  const { a, b, ops } = job;
  let prefix = 0;
  while (aLo + prefix < aHi && bLo + prefix < bHi && a[aLo + prefix] === b[bLo + prefix]) prefix++;
  push(ops, 'equal', bLo, prefix);
  aLo += prefix;
  bLo += prefix;
  let suffix = 0;
  while (aHi - suffix > aLo && bHi - suffix > bLo && a[aHi - suffix - 1] === b[bHi - suffix - 1]) suffix++;
  aHi -= suffix;
  bHi -= suffix;

  if (aLo === aHi || bLo === bHi) {
    push(ops, 'delete', aLo, aHi - aLo);
    push(ops, 'insert', bLo, bHi - bLo);
  } else if (aHi - aLo + (bHi - bLo) >= ANCHOR_MIN && diffAtAnchors(job, aLo, aHi, bLo, bHi)) {
    // diffed piecewise between anchors
  } else {
    const split = bisect(job, aLo, aHi, bLo, bHi);
    if (split) {
      diffRange(job, aLo, split[0], bLo, split[1]);
      diffRange(job, split[0], aHi, split[1], bHi);
    } else {
      push(ops, 'delete', aLo, aHi - aLo);
      push(ops, 'insert', bLo, bHi - bLo);
    }
  }
  push(ops, 'equal', bHi, suffix);
}

/**
 * Patience step: diffs between words unique on both sides that appear in the same order. When
 * the sides share no word at all, reports a replacement. False when there is no anchor.
 */
function diffAtAnchors(job: Job, aLo: number, aHi: number, bLo: number, bHi: number): boolean {
  const { a, b, ops } = job;
  const seen = new Map<number, [countA: number, posA: number, countB: number, posB: number]>();
  for (let i = aLo; i < aHi; i++) {
    const e = seen.get(a[i]!);
    if (e) e[0]++;
    else seen.set(a[i]!, [1, i, 0, -1]);
  }
  for (let j = bLo; j < bHi; j++) {
    const e = seen.get(b[j]!);
    if (e) {
      e[2]++;
      e[3] = j;
    }
  }
  const pairs: [number, number][] = [];
  let shared = false;
  for (const [countA, posA, countB, posB] of seen.values()) {
    if (countB > 0) shared = true;
    if (countA === 1 && countB === 1) pairs.push([posA, posB]);
  }
  if (!shared) {
    push(ops, 'delete', aLo, aHi - aLo);
    push(ops, 'insert', bLo, bHi - bLo);
    return true;
  }
  if (pairs.length === 0) return false;
  pairs.sort((x, y) => x[0] - y[0]);
  let prevA = aLo;
  let prevB = bLo;
  for (const [ai, bi] of longestIncreasing(pairs)) {
    diffRange(job, prevA, ai, prevB, bi);
    push(ops, 'equal', bi, 1);
    prevA = ai + 1;
    prevB = bi + 1;
  }
  diffRange(job, prevA, aHi, prevB, bHi);
  return true;
}

/** Longest chain of pairs (already sorted by a position) whose b positions increase. O(k log k). */
function longestIncreasing(pairs: [number, number][]): [number, number][] {
  const tails: number[] = [];
  const back = new Int32Array(pairs.length).fill(-1);
  pairs.forEach(([, bi], i) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pairs[tails[mid]!]![1] < bi) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) back[i] = tails[lo - 1]!;
    tails[lo] = i;
  });
  const chain: [number, number][] = [];
  for (let i = tails.at(-1) ?? -1; i !== -1; i = back[i]!) chain.push(pairs[i]!);
  return chain.reverse();
}

/** Finds the middle snake of a[aLo,aHi) vs b[bLo,bHi); undefined when nothing matches or the budget ran out. */
function bisect(job: Job, aLo: number, aHi: number, bLo: number, bHi: number): [number, number] | undefined {
  const { a, b } = job;
  const n = aHi - aLo;
  const m = bHi - bLo;
  const maxD = Math.ceil((n + m) / 2);
  const offset = maxD;
  const size = 2 * maxD;
  const v1 = new Int32Array(size).fill(-1);
  const v2 = new Int32Array(size).fill(-1);
  v1[offset + 1] = 0;
  v2[offset + 1] = 0;
  const delta = n - m;
  const front = delta % 2 !== 0;
  let k1start = 0,
    k1end = 0,
    k2start = 0,
    k2end = 0;
  for (let d = 0; d < maxD; d++) {
    job.steps += 2 * d + 2;
    if (job.steps > job.maxSteps) return undefined;
    for (let k1 = -d + k1start; k1 <= d - k1end; k1 += 2) {
      const k1o = offset + k1;
      let x1 = k1 === -d || (k1 !== d && v1[k1o - 1]! < v1[k1o + 1]!) ? v1[k1o + 1]! : v1[k1o - 1]! + 1;
      let y1 = x1 - k1;
      const x1Start = x1;
      while (x1 < n && y1 < m && a[aLo + x1] === b[bLo + y1]) {
        x1++;
        y1++;
      }
      job.steps += x1 - x1Start;
      v1[k1o] = x1;
      if (x1 > n) k1end += 2;
      else if (y1 > m) k1start += 2;
      else if (front) {
        const k2o = offset + delta - k1;
        if (k2o >= 0 && k2o < size && v2[k2o] !== -1 && x1 >= n - v2[k2o]!) return [aLo + x1, bLo + y1];
      }
    }
    for (let k2 = -d + k2start; k2 <= d - k2end; k2 += 2) {
      const k2o = offset + k2;
      let x2 = k2 === -d || (k2 !== d && v2[k2o - 1]! < v2[k2o + 1]!) ? v2[k2o + 1]! : v2[k2o - 1]! + 1;
      let y2 = x2 - k2;
      const x2Start = x2;
      while (x2 < n && y2 < m && a[aHi - x2 - 1] === b[bHi - y2 - 1]) {
        x2++;
        y2++;
      }
      job.steps += x2 - x2Start;
      v2[k2o] = x2;
      if (x2 > n) k2end += 2;
      else if (y2 > m) k2start += 2;
      else if (!front) {
        const k1o = offset + delta - k2;
        if (k1o >= 0 && k1o < size && v1[k1o] !== -1) {
          const x1 = v1[k1o]!;
          const y1 = offset + x1 - k1o;
          if (x1 >= n - x2) return [aLo + x1, bLo + y1];
        }
      }
    }
  }
  return undefined;
}

/** Joins runs, puts a change's deletions before its insertions, and folds whitespace-only equals between changes into them. */
function toParts(ops: Op[], ta: string[], tb: string[]): DiffPart[] {
  const raw: DiffPart[] = ops.map(([kind, start, count]) => ({
    kind,
    text: (kind === 'delete' ? ta : tb).slice(start, start + count).join(''),
  }));
  const parts: DiffPart[] = [];
  let del = '';
  let ins = '';
  const flush = () => {
    if (del) parts.push({ kind: 'delete', text: del });
    if (ins) parts.push({ kind: 'insert', text: ins });
    del = ins = '';
  };
  raw.forEach((part, i) => {
    if (part.kind === 'delete') del += part.text;
    else if (part.kind === 'insert') ins += part.text;
    else if ((del || ins) && part.text.length <= 3 && isChange(raw[i + 1]) && isStopword(part.text)) {
      // A lone "a" or "," between two changes reads better as part of one change.
      del += part.text;
      ins += part.text;
    } else {
      flush();
      const last = parts.at(-1);
      if (last?.kind === 'equal') last.text += part.text;
      else parts.push({ kind: 'equal', text: part.text });
    }
  });
  flush();
  return parts;
}

function isChange(part: DiffPart | undefined): boolean {
  return part !== undefined && part.kind !== 'equal';
}

function isStopword(text: string): boolean {
  return /^\s*(?:[^\s\p{L}\p{N}_]|a|an|the|of|to|is|in|and|or)?\s*$/iu.test(text);
}

export interface DiffStats {
  inserted: number;
  deleted: number;
  equal: number;
}

/** Word counts per kind, for a one-line summary ("+12 −30 words"). */
export function diffStats(parts: readonly DiffPart[]): DiffStats {
  const stats: DiffStats = { inserted: 0, deleted: 0, equal: 0 };
  for (const p of parts) {
    const words = (p.text.match(/[\p{L}\p{N}_]+/gu) ?? []).length;
    if (p.kind === 'insert') stats.inserted += words;
    else if (p.kind === 'delete') stats.deleted += words;
    else stats.equal += words;
  }
  return stats;
}
