// Pure views of the network ledger for the privacy screen: filtering, totals and formatting.
import type { LedgerEntry, LedgerTotal } from '../../shared/types';

export type Period = '24h' | '7d' | '30d' | 'all';
export type OutcomeFilter = LedgerEntry['outcome'] | 'any';

export interface LedgerFilters {
  period: Period;
  host: string;
  /** A connection id, '' for any, or DISCOVERY for requests made by "Find local servers". */
  connection: string;
  outcome: OutcomeFilter;
}

export const DISCOVERY = '__discovery__';
export const DEFAULT_FILTERS: LedgerFilters = { period: '30d', host: '', connection: '', outcome: 'any' };
export const DAY_MS = 24 * 60 * 60 * 1000;

const PERIOD_MS: Record<Exclude<Period, 'all'>, number> = { '24h': DAY_MS, '7d': 7 * DAY_MS, '30d': 30 * DAY_MS };

/** Epoch ms the period starts at (0 for all time). */
export function periodSince(period: Period, now: number): number {
  return period === 'all' ? 0 : now - PERIOD_MS[period];
}

export function filterLedger(entries: readonly LedgerEntry[], f: LedgerFilters, now: number): LedgerEntry[] {
  const since = periodSince(f.period, now);
  return entries.filter(
    (e) =>
      e.at >= since &&
      (f.host === '' || e.host === f.host) &&
      (f.connection === '' || (f.connection === DISCOVERY ? e.connectionId === null : e.connectionId === f.connection)) &&
      (f.outcome === 'any' || e.outcome === f.outcome),
  );
}

function add(total: LedgerTotal, e: LedgerEntry): void {
  total.requests += 1;
  total.bytesUp += e.bytesUp;
  total.bytesDown += e.bytesDown;
  total.durationMs += e.durationMs;
  if (e.outcome !== 'ok') total.failures += 1;
}

function totalsBy(entries: readonly LedgerEntry[], keyOf: (e: LedgerEntry) => string): Map<string, LedgerTotal> {
  const map = new Map<string, LedgerTotal>();
  for (const e of entries) {
    const key = keyOf(e);
    const total = map.get(key) ?? { requests: 0, bytesUp: 0, bytesDown: 0, durationMs: 0, failures: 0 };
    add(total, e);
    map.set(key, total);
  }
  return map;
}

/** Busiest host first. */
export function totalsByHost(entries: readonly LedgerEntry[]): (LedgerTotal & { host: string })[] {
  return [...totalsBy(entries, (e) => e.host)].map(([host, t]) => ({ host, ...t })).sort((a, b) => b.requests - a.requests || a.host.localeCompare(b.host));
}

/** Newest day first; days are local calendar dates (YYYY-MM-DD). */
export function totalsByDay(entries: readonly LedgerEntry[]): (LedgerTotal & { day: string })[] {
  return [...totalsBy(entries, (e) => localDay(e.at))].map(([day, t]) => ({ day, ...t })).sort((a, b) => b.day.localeCompare(a.day));
}

export function localDay(at: number): string {
  const d = new Date(at);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  return `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}

const OUTCOME_WORDS: Record<LedgerEntry['outcome'], string> = {
  ok: 'OK',
  'http-error': 'HTTP error',
  refused: 'Refused',
  'network-error': 'Network error',
  aborted: 'Stopped',
};

export function outcomeLabel(e: Pick<LedgerEntry, 'outcome' | 'status'>): string {
  return e.status > 0 && e.outcome !== 'ok' ? `${OUTCOME_WORDS[e.outcome]} ${e.status}` : OUTCOME_WORDS[e.outcome];
}

export const OUTCOMES = Object.keys(OUTCOME_WORDS) as LedgerEntry['outcome'][];

/** Mirrors the core's rule (egress/allowlist.ts): loopback never leaves the machine. */
export function isThisMachine(host: string): boolean {
  const name = host
    .replace(/:\d+$/, '')
    .replace(/^\[|\]$/g, '')
    .toLowerCase();
  if (name === 'localhost' || name === '::1') return true;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(name);
}
