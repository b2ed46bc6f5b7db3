// Precision and recall of the detector on a labelled corpus of realistic text: positives
// for every category and the look-alikes that trip naive detectors (order numbers, UUIDs,
// git hashes, versions, ISBNs, bad checksums). Prints a table so regressions are visible.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SENSITIVE_CATEGORIES, type SensitiveCategory } from '../../shared/sensitive/categories';
import { detectSensitive } from '../../shared/sensitive/detect';

interface CorpusEntry {
  text: string;
  expected: { category: SensitiveCategory; text: string }[];
}

const corpus = JSON.parse(readFileSync(new URL('../fixtures/sensitive/corpus.json', import.meta.url), 'utf8')) as CorpusEntry[];

const scored = SENSITIVE_CATEGORIES.map((c) => c.id).filter((id) => id !== 'custom');

interface Tally {
  tp: number;
  fp: number;
  fn: number;
}

function score(): { tallies: Map<SensitiveCategory, Tally>; misses: string[] } {
  const tallies = new Map<SensitiveCategory, Tally>(scored.map((c) => [c, { tp: 0, fp: 0, fn: 0 }]));
  const misses: string[] = [];
  corpus.forEach((entry, i) => {
    const expected = entry.expected.map((e) => `${e.category}\u0000${e.text}`);
    const found = detectSensitive(entry.text).map((f) => `${f.category}\u0000${f.text}`);
    const unmatched = [...expected];
    for (const key of found) {
      const category = key.split('\u0000')[0] as SensitiveCategory;
      const at = unmatched.indexOf(key);
      const tally = tallies.get(category)!;
      if (at >= 0) {
        tally.tp++;
        unmatched.splice(at, 1);
      } else {
        tally.fp++;
        misses.push(`#${i} false positive ${key.replace('\u0000', ': ')}`);
      }
    }
    for (const key of unmatched) {
      tallies.get(key.split('\u0000')[0] as SensitiveCategory)!.fn++;
      misses.push(`#${i} missed ${key.replace('\u0000', ': ')}`);
    }
  });
  return { tallies, misses };
}

const ratio = (n: number, d: number) => (d === 0 ? 1 : n / d);

describe('sensitive-data corpus', () => {
  it('has enough labelled text to mean something', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(150);
    for (const category of scored) {
      expect(corpus.some((e) => e.expected.some((x) => x.category === category))).toBe(true);
    }
  });

  it('finds each category with precision and recall of at least 0.9', () => {
    const { tallies, misses } = score();
    const rows = scored.map((category) => {
      const t = tallies.get(category)!;
      return {
        category,
        tp: t.tp,
        fp: t.fp,
        fn: t.fn,
        precision: ratio(t.tp, t.tp + t.fp).toFixed(3),
        recall: ratio(t.tp, t.tp + t.fn).toFixed(3),
      };
    });
    console.log(`Sensitive-data corpus: ${corpus.length} entries`);
    console.table(rows);
    if (misses.length > 0) console.log(misses.join('\n'));
    for (const row of rows) {
      expect(Number(row.precision), `${row.category} precision`).toBeGreaterThanOrEqual(0.9);
      expect(Number(row.recall), `${row.category} recall`).toBeGreaterThanOrEqual(0.9);
    }
  });
});
