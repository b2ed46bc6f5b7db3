// The network ledger as CSV (RFC 4180 quoting), for the user's own records.
import type { LedgerEntry } from './types';

const COLUMNS: (keyof LedgerEntry)[] = ['at', 'connectionId', 'host', 'model', 'method', 'path', 'bytesUp', 'bytesDown', 'durationMs', 'status', 'outcome'];

function cell(value: unknown): string {
  const s = value == null ? '' : String(value);
  // A leading = + - @ would run as a formula in a spreadsheet: prefix it.
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function ledgerToCsv(entries: readonly LedgerEntry[]): string {
  const header = ['time', ...COLUMNS.slice(1)].join(',');
  const rows = entries.map((e) => [new Date(e.at).toISOString(), ...COLUMNS.slice(1).map((c) => cell(e[c]))].join(','));
  return [header, ...rows].join('\r\n') + '\r\n';
}
