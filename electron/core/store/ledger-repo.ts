// The egress ledger: one row per outbound request (never content, never keys), and the totals
// the privacy view shows per host and per local day.
import type { SqlValue, StoreDb } from './driver';
import type { LedgerEntry, LedgerRecord, LedgerTotals } from '../../../shared/types';

export type { LedgerTotal, LedgerTotals } from '../../../shared/types';

export interface LedgerQuery {
  host?: string;
  /** Epoch ms, inclusive. */
  since?: number;
  limit?: number;
}

interface LedgerRow {
  id: number;
  at: number;
  connection_id: string | null;
  host: string;
  model: string | null;
  method: string;
  path: string;
  bytes_up: number;
  bytes_down: number;
  duration_ms: number;
  status: number;
  outcome: string;
  ttft_ms: number | null;
  output_tokens: number | null;
  generation_ms: number | null;
}

/** A chat turn's figures, measured by the chat service once the reply ended. */
export interface TurnFigures {
  ttftMs?: number;
  outputTokens?: number;
  generationMs?: number;
}

const TOTALS = `count(*) AS requests, coalesce(sum(bytes_up), 0) AS bytesUp, coalesce(sum(bytes_down), 0) AS bytesDown,
  coalesce(sum(duration_ms), 0) AS durationMs, coalesce(sum(outcome <> 'ok'), 0) AS failures`;

export function createLedgerRepo(db: StoreDb) {
  const insertRow = db.prepare(
    `INSERT INTO ledger (at, connection_id, host, model, method, path, bytes_up, bytes_down, duration_ms, status, outcome, turn_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  // The turn's streaming request is its last row (retries come before it).
  const annotateRow = db.prepare(
    `UPDATE ledger SET ttft_ms = ?, output_tokens = ?, generation_ms = ?
     WHERE id = (SELECT max(id) FROM ledger WHERE turn_id = ?)`,
  );

  return {
    insert({ turnId, ...e }: LedgerRecord): LedgerEntry {
      const result = insertRow.run(e.at, e.connectionId, e.host, e.model, e.method, e.path, e.bytesUp, e.bytesDown, e.durationMs, e.status, e.outcome, turnId ?? null);
      return { id: Number(result.lastInsertRowid), ...e };
    },

    annotateTurn(turnId: string, f: TurnFigures): void {
      annotateRow.run(f.ttftMs ?? null, f.outputTokens ?? null, f.generationMs ?? null, turnId);
    },

    /** Rows that carry a model since `since`, oldest first: the raw material of provider health. */
    modelRows(since: number): LedgerEntry[] {
      const rows = db.prepare(`SELECT * FROM ledger WHERE model IS NOT NULL AND connection_id IS NOT NULL AND at >= ? ORDER BY at, id`).all(since) as unknown as LedgerRow[];
      return rows.map(toEntry);
    },

    /** Newest first. */
    list(q: LedgerQuery = {}): LedgerEntry[] {
      const where: string[] = [];
      const params: SqlValue[] = [];
      if (q.host !== undefined) {
        where.push('host = ?');
        params.push(q.host);
      }
      if (q.since !== undefined) {
        where.push('at >= ?');
        params.push(q.since);
      }
      params.push(Math.max(1, Math.floor(q.limit ?? 500)));
      const rows = db
        .prepare(`SELECT * FROM ledger ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY at DESC, id DESC LIMIT ?`)
        .all(...params) as unknown as LedgerRow[];
      return rows.map(toEntry);
    },

    totals(q: { since: number }): LedgerTotals {
      const byHost = db.prepare(`SELECT host, ${TOTALS} FROM ledger WHERE at >= ? GROUP BY host ORDER BY requests DESC, host`).all(q.since) as unknown as LedgerTotals['byHost'];
      const byDay = db
        .prepare(`SELECT date(at / 1000, 'unixepoch', 'localtime') AS day, ${TOTALS} FROM ledger WHERE at >= ? GROUP BY day ORDER BY day`)
        .all(q.since) as unknown as LedgerTotals['byDay'];
      return { byHost: byHost.map((r) => ({ ...r })), byDay: byDay.map((r) => ({ ...r })) };
    },
  };
}

export type LedgerRepo = ReturnType<typeof createLedgerRepo>;

function toEntry(r: LedgerRow): LedgerEntry {
  return {
    id: r.id,
    at: r.at,
    connectionId: r.connection_id,
    host: r.host,
    model: r.model,
    method: r.method,
    path: r.path,
    bytesUp: r.bytes_up,
    bytesDown: r.bytes_down,
    durationMs: r.duration_ms,
    status: r.status,
    outcome: r.outcome as LedgerEntry['outcome'],
    ...(r.ttft_ms !== null || r.output_tokens !== null || r.generation_ms !== null
      ? {
          turn: {
            ...(r.ttft_ms !== null ? { ttftMs: r.ttft_ms } : {}),
            ...(r.output_tokens !== null ? { outputTokens: r.output_tokens } : {}),
            ...(r.generation_ms !== null ? { generationMs: r.generation_ms } : {}),
          },
        }
      : {}),
  };
}
