import { describe, expect, test } from 'vitest';
import { rangeBounds } from '../../renderer/state/date-range';
import { splitSnippet } from '../../renderer/features/history/snippet';

describe('search snippet highlighting', () => {
  test('marks exactly the words between the engine markers', () => {
    expect(splitSnippet('…Porto has a \u0001zeppelin\u0002 museum')).toEqual([
      { text: '…Porto has a ', match: false },
      { text: 'zeppelin', match: true },
      { text: ' museum', match: false },
    ]);
  });

  test('keeps markup in a snippet as plain text, never as tags', () => {
    const parts = splitSnippet('<img src=x onerror=alert(1)> \u0001<b>bold</b>\u0002');
    expect(parts).toEqual([
      { text: '<img src=x onerror=alert(1)> ', match: false },
      { text: '<b>bold</b>', match: true },
    ]);
  });

  test('survives unbalanced or empty markers', () => {
    expect(splitSnippet('\u0001\u0002plain')).toEqual([{ text: 'plain', match: false }]);
    expect(splitSnippet('a \u0001cut off')).toEqual([
      { text: 'a ', match: false },
      { text: 'cut off', match: true },
    ]);
    expect(splitSnippet('')).toEqual([]);
  });
});

describe('search date filter', () => {
  const now = new Date(2025, 5, 15, 12).getTime();
  const DAY = 24 * 60 * 60 * 1000;

  test('any time sends no bounds', () => {
    expect(rangeBounds({ kind: 'any' }, now)).toEqual({});
  });

  test('last 7 and 30 days count back from now', () => {
    expect(rangeBounds({ kind: 'last-7-days' }, now)).toEqual({ from: now - 7 * DAY });
    expect(rangeBounds({ kind: 'last-30-days' }, now)).toEqual({ from: now - 30 * DAY });
  });

  test('a custom range covers both whole local days', () => {
    const { from, to } = rangeBounds({ kind: 'custom', from: '2025-06-01', to: '2025-06-03' }, now);
    expect(from).toBe(new Date(2025, 5, 1).getTime());
    expect(to).toBe(new Date(2025, 5, 4).getTime() - 1);
  });

  test('a custom range with a date left empty is open on that side', () => {
    expect(rangeBounds({ kind: 'custom', from: '', to: '2025-06-03' }, now)).toEqual({ to: new Date(2025, 5, 4).getTime() - 1 });
    expect(rangeBounds({ kind: 'custom', from: 'nonsense', to: '' }, now)).toEqual({});
  });
});
