// The network ledger (every request Enclave made) and what it says about each provider's health.
import { z } from 'zod';
import type { LedgerEntry, LedgerTotals, ModelHealth } from '../types';
import { call, text } from './define';
import type { SavedFile } from './transfer';

export const privacyCalls = {
  listLedger: call<LedgerEntry[]>()(
    z
      .object({
        host: text(300).optional(),
        since: z.number().int().nonnegative().optional(),
        limit: z.number().int().min(1).max(5000).optional(),
      })
      .strict(),
  ),
  ledgerTotals: call<LedgerTotals>()(z.object({ since: z.number().int().nonnegative() }).strict()),
  providerHealth: call<ModelHealth[]>()(z.object({ days: z.union([z.literal(7), z.literal(30)]) }).strict()),
  exportLedger: call<SavedFile>()(z.object({ format: z.enum(['csv', 'json']) }).strict()),
} as const;
