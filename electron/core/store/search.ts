// Full-text search over message content: FTS5 MATCH, BM25 order, snippets with \u0001/\u0002
// around matches, filters by connection, model and date. Deleted conversations never show.
// Ranking is bounded on huge match sets (see RANK_WINDOW).
import type { SqlValue, StoreDb } from './driver';
import type { ModelRef, Role, SearchHit } from '../../../shared/types';
import { buildFtsQuery } from './fts-query';
import { safeTimeColumn } from './rows';

export interface SearchQuery {
  query: string;
  connectionId?: string;
  modelId?: string;
  /** Epoch ms, inclusive. */
  from?: number;
  /** Epoch ms, inclusive. */
  to?: number;
  limit?: number;
}

interface HitRow {
  id: string;
  conversation_id: string;
  title: string;
  role: string;
  connection_id: string | null;
  model_id: string | null;
  created_at: number;
  snippet: string;
}

const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 500;
/**
 * BM25 costs a row read per match, so a query matching most of a million messages would take
 * seconds. When more than this many messages match (after filters), only the newest this-many
 * are ranked: exact for any query specific enough to be useful, bounded for "the".
 */
export const RANK_WINDOW = 2_000;

const FROM = `FROM messages_fts
    JOIN messages m ON m.seq = messages_fts.rowid
    JOIN conversations c ON c.id = m.conversation_id`;

export function searchMessages(db: StoreDb, q: SearchQuery): SearchHit[] {
  const match = buildFtsQuery(q.query);
  if (match === undefined) return [];
  const where = ['messages_fts MATCH ?', 'c.deleted_at IS NULL'];
  const params: SqlValue[] = [match];
  if (q.connectionId !== undefined) {
    where.push('m.connection_id = ?');
    params.push(q.connectionId);
  }
  if (q.modelId !== undefined) {
    where.push('m.model_id = ?');
    params.push(q.modelId);
  }
  if (q.from !== undefined) {
    where.push('m.created_at >= ?');
    params.push(q.from);
  }
  if (q.to !== undefined) {
    where.push('m.created_at <= ?');
    params.push(q.to);
  }
  // Walking matches newest-first needs no ranking, so finding the window's edge is cheap.
  const edge = db.prepare(
    `SELECT messages_fts.rowid AS seq ${FROM} WHERE ${where.join(' AND ')} ORDER BY messages_fts.rowid DESC LIMIT 1 OFFSET ?`,
  ).get(...params, RANK_WINDOW - 1) as { seq: number } | undefined;
  if (edge) {
    where.push('messages_fts.rowid >= ?');
    params.push(edge.seq);
  }
  params.push(Math.min(Math.max(1, Math.floor(q.limit ?? DEFAULT_LIMIT)), MAX_LIMIT));
  const sql = `
    SELECT m.id, m.conversation_id, c.title, m.role, m.connection_id, m.model_id, ${safeTimeColumn('m.created_at', 'created_at')},
      snippet(messages_fts, 0, char(1), char(2), '…', 16) AS snippet
    ${FROM}
    WHERE ${where.join(' AND ')}
    ORDER BY bm25(messages_fts)
    LIMIT ?`;
  const rows = db.prepare(sql).all(...params) as unknown as HitRow[];
  return rows.map(toHit);
}

function toHit(row: HitRow): SearchHit {
  const hit: SearchHit = {
    messageId: row.id,
    conversationId: row.conversation_id,
    conversationTitle: row.title,
    role: row.role as Role,
    snippet: row.snippet,
    createdAt: row.created_at,
  };
  if (row.connection_id !== null && row.model_id !== null) {
    const model: ModelRef = { connectionId: row.connection_id, modelId: row.model_id };
    hit.model = model;
  }
  return hit;
}
