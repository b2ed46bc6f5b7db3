import { describe, expect, test } from 'vitest';
import type { Conversation } from '../../shared/types';
import { groupByDate } from '../../renderer/features/sidebar/group-by-date';
import { moveFocus, neighbourAfterRemoval } from '../../renderer/features/sidebar/list-navigation';

const ids = ['a', 'b', 'c'];

describe('sidebar keyboard navigation', () => {
  test('arrow keys move one row and stop at the ends', () => {
    expect(moveFocus(ids, 'a', 'ArrowDown')).toBe('b');
    expect(moveFocus(ids, 'c', 'ArrowDown')).toBe('c');
    expect(moveFocus(ids, 'b', 'ArrowUp')).toBe('a');
    expect(moveFocus(ids, 'a', 'ArrowUp')).toBe('a');
  });

  test('Home and End jump to the first and last conversation', () => {
    expect(moveFocus(ids, 'b', 'Home')).toBe('a');
    expect(moveFocus(ids, 'b', 'End')).toBe('c');
  });

  test('with nothing focused yet, down starts at the top and up at the bottom', () => {
    expect(moveFocus(ids, undefined, 'ArrowDown')).toBe('a');
    expect(moveFocus(ids, undefined, 'ArrowUp')).toBe('c');
  });

  test('other keys and an empty list move nowhere', () => {
    expect(moveFocus(ids, 'a', 'x')).toBeUndefined();
    expect(moveFocus([], undefined, 'ArrowDown')).toBeUndefined();
  });

  test('after deleting a row, focus goes to the next one, or the previous at the end', () => {
    expect(neighbourAfterRemoval(ids, 'a')).toBe('b');
    expect(neighbourAfterRemoval(ids, 'c')).toBe('b');
    expect(neighbourAfterRemoval(['a'], 'a')).toBeUndefined();
  });
});

describe('sidebar groups', () => {
  const now = new Date(2025, 5, 15, 12).getTime();
  const DAY = 24 * 60 * 60 * 1000;
  const conv = (id: string, updatedAt: number, pinned = false): Conversation => ({
    id,
    title: id,
    createdAt: updatedAt,
    updatedAt,
    pinned,
    localOnly: false,
    currentLeafId: null,
  });

  test('pinned conversations come first whatever their age, then by date', () => {
    const groups = groupByDate([conv('today', now - 1000), conv('old-pinned', now - 400 * DAY, true), conv('yesterday', now - DAY), conv('old', now - 90 * DAY)], now);
    expect(groups.map((g) => [g.label, g.items.map((c) => c.id)])).toEqual([
      ['Pinned', ['old-pinned']],
      ['Today', ['today']],
      ['Yesterday', ['yesterday']],
      ['Older', ['old']],
    ]);
  });
});
