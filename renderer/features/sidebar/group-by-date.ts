import type { Conversation } from '../../../shared/types';

const DAY = 24 * 60 * 60 * 1000;

export function groupByDate(list: Conversation[], now: number): { label: string; items: Conversation[] }[] {
  const startOfToday = new Date(now).setHours(0, 0, 0, 0);
  const buckets: [string, (c: Conversation) => boolean][] = [
    ['Pinned', (c) => c.pinned],
    ['Today', (c) => c.updatedAt >= startOfToday],
    ['Yesterday', (c) => c.updatedAt >= startOfToday - DAY],
    ['Previous 7 days', (c) => c.updatedAt >= startOfToday - 7 * DAY],
    ['Previous 30 days', (c) => c.updatedAt >= startOfToday - 30 * DAY],
    ['Older', () => true],
  ];
  const groups = buckets.map(([label]) => ({ label, items: [] as Conversation[] }));
  for (const c of list) {
    const i = buckets.findIndex(([, test]) => test(c));
    groups[i]!.items.push(c);
  }
  return groups.filter((g) => g.items.length > 0);
}
