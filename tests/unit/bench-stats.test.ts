import { describe, expect, test } from 'vitest';
import { formatTable, judge } from '../../bench/lib/report';
import { median, percentile, ratio, summarize } from '../../bench/lib/stats';

describe('bench statistics', () => {
  test('interpolates percentiles between closest ranks', () => {
    expect(percentile([1, 2], 50)).toBe(1.5);
    expect(percentile([5, 1, 3, 2, 4], 0)).toBe(1);
    expect(percentile([5, 1, 3, 2, 4], 100)).toBe(5);
    expect(percentile([7], 95)).toBe(7);
    expect(median([3, 1, 2])).toBe(2);
    expect(percentile([], 50)).toBeNaN();
  });

  test('a ratio against a zero or missing baseline is not a number', () => {
    expect(ratio(2, 4)).toBe(0.5);
    expect(ratio(1, 0)).toBeNaN();
    expect(ratio(Number.NaN, 1)).toBeNaN();
  });

  test('summarises samples without reordering the input', () => {
    const samples = [3, 1, 2];
    expect(summarize(samples)).toMatchObject({ n: 3, p50: 2, max: 3 });
    expect(samples).toEqual([3, 1, 2]);
  });

  test('judges targets both ways and fails a missing figure', () => {
    expect(judge({ section: '1', metric: 'm', unit: 'ms', value: 2, target: { op: '<=', value: 2 } }).met).toBe(true);
    expect(judge({ section: '1', metric: 'm', unit: '', value: 0.9, target: { op: '>=', value: 0.95 } }).met).toBe(false);
    expect(judge({ section: '1', metric: 'm', unit: '', value: Number.NaN, target: { op: '<=', value: 1 } }).met).toBe(false);
    expect(judge({ section: '1', metric: 'm', unit: '', value: 1 }).met).toBeUndefined();
  });

  test('prints one aligned line per row with ✓ and ✗', () => {
    const table = formatTable([
      judge({ section: '1', metric: 'fast', unit: 'ms', value: 1, target: { op: '<=', value: 2 }, baseline: 2, ratio: 0.5 }),
      judge({ section: '2', metric: 'slow', unit: 'ms', value: 3, target: { op: '<=', value: 2 } }),
    ]);
    const lines = table.split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[2]).toContain('✓');
    expect(lines[3]).toContain('✗');
    expect(lines[2]).toContain('0.500×');
  });
});
