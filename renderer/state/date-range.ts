// The search box's date filter and the epoch-ms bounds it means. Pure, so it is tested in isolation.

export type DateRange =
  | { kind: 'any' }
  | { kind: 'last-7-days' }
  | { kind: 'last-30-days' }
  /** Calendar dates as `<input type=date>` gives them: YYYY-MM-DD, local time, both inclusive. */
  | { kind: 'custom'; from: string; to: string };

const DAY = 24 * 60 * 60 * 1000;

export function rangeBounds(range: DateRange, now: number): { from?: number; to?: number } {
  switch (range.kind) {
    case 'any':
      return {};
    case 'last-7-days':
      return { from: now - 7 * DAY };
    case 'last-30-days':
      return { from: now - 30 * DAY };
    case 'custom': {
      const from = localDayStart(range.from);
      const toStart = localDayStart(range.to);
      return {
        ...(from !== undefined ? { from } : {}),
        ...(toStart !== undefined ? { to: toStart + DAY - 1 } : {}),
      };
    }
    default: {
      const unreachable: never = range;
      throw new Error(`unknown date range ${JSON.stringify(unreachable)}`);
    }
  }
}

function localDayStart(date: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return undefined;
  const at = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])).getTime();
  return Number.isNaN(at) || at < 0 ? undefined : at;
}
