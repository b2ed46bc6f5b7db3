// Provider health from the user's own ledger: per model, how often a request ended well, how
// long the first token took and how fast text came. The figures an aggregator sells, computed
// on this machine from rows that never held content.
import type { LedgerEntry, ModelHealth } from '../../../shared/types';

export function providerHealth(rows: readonly LedgerEntry[], connectionName: (id: string) => string | undefined): ModelHealth[] {
  const byModel = new Map<string, LedgerEntry[]>();
  for (const row of rows) {
    if (!row.connectionId || !row.model || row.outcome === 'aborted') continue;
    const key = `${row.connectionId}\u0000${row.model}`;
    const list = byModel.get(key) ?? [];
    list.push(row);
    byModel.set(key, list);
  }
  const out: ModelHealth[] = [];
  for (const list of byModel.values()) {
    const first = list[0]!;
    const ok = list.filter((r) => r.outcome === 'ok');
    const ttfts = ok.map((r) => r.turn?.ttftMs).filter(isNumber);
    const speeds = ok.map((r) => (r.turn?.outputTokens && r.turn.generationMs ? r.turn.outputTokens / (r.turn.generationMs / 1000) : undefined)).filter(isNumber);
    const failure = list.findLast((r) => r.outcome !== 'ok');
    const health: ModelHealth = {
      connectionId: first.connectionId!,
      connectionName: connectionName(first.connectionId!) ?? 'Removed connection',
      model: first.model!,
      requests: list.length,
      successRate: ok.length / list.length,
    };
    if (ttfts.length) {
      health.ttftP50Ms = percentile(ttfts, 0.5);
      health.ttftP95Ms = percentile(ttfts, 0.95);
    }
    if (speeds.length) health.tokensPerSecondP50 = percentile(speeds, 0.5);
    if (failure) health.lastFailure = { at: failure.at, status: failure.status, outcome: failure.outcome };
    out.push(health);
  }
  return out.sort((a, b) => b.requests - a.requests || a.model.localeCompare(b.model));
}

/** Nearest-rank percentile of a non-empty list. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

function isNumber(v: number | undefined): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}
