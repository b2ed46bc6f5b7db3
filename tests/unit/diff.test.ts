import { describe, expect, it } from 'vitest';
import { diffStats, diffWords, tokenize, type DiffPart } from '../../shared/diff';

/** Deterministic pseudo-random numbers (mulberry32), so a failure reproduces. */
function rng(seed: number): () => number {
  let t = seed >>> 0;
  return () => {
    t = (t + 0x6d2b79f5) >>> 0;
    let r = Math.imul(t ^ (t >>> 15), 1 | t);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}

function words(text: string): string[] {
  return tokenize(text)
    .map((t) => t.trim())
    .filter(Boolean);
}

const newSide = (parts: DiffPart[]) =>
  parts
    .filter((p) => p.kind !== 'delete')
    .map((p) => p.text)
    .join('');
/** a's words, part by part: an unchanged run carries b's spacing, so a's text is not rebuilt byte for byte. */
const oldWords = (parts: DiffPart[]) => parts.filter((p) => p.kind !== 'insert').flatMap((p) => words(p.text));

function lcsLength(a: string[], b: string[]): number {
  const row = new Array<number>(b.length + 1).fill(0);
  for (const x of a) {
    let diag = 0;
    for (let j = 1; j <= b.length; j++) {
      const up = row[j]!;
      row[j] = x === b[j - 1] ? diag + 1 : Math.max(row[j]!, row[j - 1]!);
      diag = up;
    }
  }
  return row[b.length]!;
}

function prose(seed: number, count: number, vocabulary: number, punctuation = true): string {
  const next = rng(seed);
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    out.push(`w${Math.floor(next() ** 2 * vocabulary)}`);
    if (punctuation && next() < 0.08) out.push(next() < 0.5 ? ',' : '.\n');
  }
  return out.join(' ');
}

describe('diffWords', () => {
  it('shows one replaced word between unchanged words', () => {
    expect(diffWords('the quick brown fox', 'the quick red fox')).toEqual([
      { kind: 'equal', text: 'the quick ' },
      { kind: 'delete', text: 'brown ' },
      { kind: 'insert', text: 'red ' },
      { kind: 'equal', text: 'fox' },
    ]);
  });

  it('reports identical answers as one unchanged run', () => {
    expect(diffWords('Same answer.', 'Same answer.')).toEqual([{ kind: 'equal', text: 'Same answer.' }]);
  });

  it('handles an empty side as all inserted or all deleted', () => {
    expect(diffWords('', 'new words')).toEqual([{ kind: 'insert', text: 'new words' }]);
    expect(diffWords('old words', '')).toEqual([{ kind: 'delete', text: 'old words' }]);
    expect(diffWords('', '')).toEqual([]);
  });

  it('does not count reflowed whitespace as a change', () => {
    const parts = diffWords('one  two\nthree', 'one two three');
    expect(parts.every((p) => p.kind === 'equal')).toBe(true);
    expect(newSide(parts)).toBe('one two three');
  });

  it('treats punctuation as its own token', () => {
    expect(diffWords('Hello, world', 'Hello world')).toEqual([
      { kind: 'equal', text: 'Hello ' },
      { kind: 'delete', text: ', ' },
      { kind: 'equal', text: 'world' },
    ]);
  });

  it('folds a lone article between two changes into one readable change', () => {
    const parts = diffWords('use a hammer', 'take a screwdriver');
    expect(parts).toEqual([
      { kind: 'delete', text: 'use a hammer' },
      { kind: 'insert', text: 'take a screwdriver' },
    ]);
  });

  it('rebuilds both answers and keeps the longest common run of words (random cases)', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const a = prose(seed, 5 + (seed % 40), 12, false);
      const b = prose(seed * 7919, 5 + ((seed * 3) % 40), 12, false);
      const parts = diffWords(a, b);
      expect(newSide(parts)).toBe(b);
      expect(oldWords(parts)).toEqual(words(a));
      // Tokens here are never folded (no stopwords), so equal words are exactly an LCS.
      const equalWords = parts.filter((p) => p.kind === 'equal').flatMap((p) => words(p.text)).length;
      expect(equalWords).toBe(lcsLength(words(a), words(b)));
    }
  });

  it('stays fast and correct on two different 5,000-word answers', () => {
    const a = prose(11, 5000, 900);
    const b = prose(12, 5000, 900);
    const started = performance.now();
    const parts = diffWords(a, b);
    const ms = performance.now() - started;
    expect(newSide(parts)).toBe(b);
    expect(oldWords(parts)).toEqual(words(a));
    console.log(`diffWords 5k vs 5k words: ${ms.toFixed(0)} ms`);
  }, 20_000);

  it('stays fast on a 5,000-word answer and a lightly edited copy', () => {
    const a = prose(21, 5000, 900);
    const edits = rng(5);
    const b = a
      .split(' ')
      .map((w) => (edits() < 0.03 ? 'CHANGED' : w))
      .join(' ');
    const parts = diffWords(a, b);
    expect(newSide(parts)).toBe(b);
    expect(diffStats(parts).inserted).toBeGreaterThan(50);
    expect(diffStats(parts).equal).toBeGreaterThan(4000);
  }, 3000);

  it('stays fast on 5,000-word answers with no word unique to anchor on', () => {
    const a = prose(41, 5000, 12);
    const b = prose(42, 5000, 12);
    const parts = diffWords(a, b);
    expect(newSide(parts)).toBe(b);
    expect(oldWords(parts)).toEqual(words(a));
  }, 3000);

  it('still returns a correct, coarser diff when the step budget runs out', () => {
    const a = prose(31, 400, 50);
    const b = prose(32, 400, 50);
    const parts = diffWords(a, b, { maxSteps: 10 });
    expect(newSide(parts)).toBe(b);
    expect(oldWords(parts)).toEqual(words(a));
  });
});

describe('diffStats', () => {
  it('counts words, not punctuation, per kind', () => {
    expect(diffStats(diffWords('the quick brown fox.', 'the slow red fox!'))).toEqual({ inserted: 2, deleted: 2, equal: 2 });
  });
});
