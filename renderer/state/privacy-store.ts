// The privacy screen's state: the network ledger (newest first), the 30-day summary and the last
// ledger export. Privacy preferences live in preferences-store with the others.
import { create } from 'zustand';
import type { SavedFile } from '../../shared/contract';
import type { LedgerEntry, LedgerTotals } from '../../shared/types';
import { call, errorMessage } from '../bridge/api';
import { DAY_MS, DEFAULT_FILTERS, periodSince, type LedgerFilters } from './ledger-view';

/** Rows fetched per load; the screen says so when the ledger holds more. */
export const LEDGER_PAGE = 5000;

type Load = { kind: 'idle' } | { kind: 'loading' } | { kind: 'ready' } | { kind: 'error'; message: string };
type Export = { kind: 'idle' } | { kind: 'saving'; format: 'csv' | 'json' } | { kind: 'saved'; format: 'csv' | 'json'; file: SavedFile } | { kind: 'error'; message: string };

interface PrivacyState {
  entries: LedgerEntry[];
  summary?: LedgerTotals;
  ledger: Load;
  filters: LedgerFilters;
  exported: Export;
  load(): Promise<void>;
  setFilters(patch: Partial<LedgerFilters>): void;
  exportLedger(format: 'csv' | 'json'): Promise<void>;
}

export const usePrivacy = create<PrivacyState>((set, get) => ({
  entries: [],
  ledger: { kind: 'idle' },
  filters: DEFAULT_FILTERS,
  exported: { kind: 'idle' },
  async load() {
    set({ ledger: { kind: 'loading' } });
    try {
      const now = Date.now();
      const [entries, summary] = await Promise.all([
        call('listLedger', { since: periodSince(get().filters.period, now), limit: LEDGER_PAGE }),
        call('ledgerTotals', { since: now - 30 * DAY_MS }),
      ]);
      set({ entries, summary, ledger: { kind: 'ready' } });
    } catch (err) {
      set({ ledger: { kind: 'error', message: errorMessage(err) } });
    }
  },
  setFilters(patch) {
    const periodChanged = patch.period !== undefined && patch.period !== get().filters.period;
    set((s) => ({ filters: { ...s.filters, ...patch } }));
    if (periodChanged) void get().load();
  },
  async exportLedger(format) {
    set({ exported: { kind: 'saving', format } });
    try {
      set({ exported: { kind: 'saved', format, file: await call('exportLedger', { format }) } });
    } catch (err) {
      set({ exported: { kind: 'error', message: errorMessage(err) } });
    }
  },
}));
