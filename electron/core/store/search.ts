// Full-text search over message content: FTS5 MATCH, BM25 order, snippets with \u0001/\u0002
// around matches, filters by connection, model and date. Deleted conversations never show.
// Why it is shaped like this (measured on a million messages: docs/search.md):
// - The walk over matches is driven by the full-text index (CROSS JOIN keeps it the outer loop):
//   a MATCH looked up per message costs a seek in its term list, fine for one page of hits but
//   seconds when the planner drove a filter's thousands of candidates that way.
// - Deleted conversations are a small set tested by rowid, so a search without filters never
//   reads the messages table until it has its page of hits.
// - Ranking is bounded (RANK_WINDOW), and snippets are made for the returned page only.
// - Filters are tested in a covering index by rowid (messages_filter), never in the table.
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

const NOT_DELETED = `messages_fts.rowid NOT IN (
    SELECT dm.seq FROM conversations dc JOIN messages dm ON dm.conversation_id = dc.id WHERE dc.deleted_at IS NOT NULL)`;

interface Walk {
  /** FROM clause: the full-text index, joined to messages only when a filter needs them. */
  from: string;
  where: string[];
  params: SqlValue[];
}

/** The matches the query may return, newest first by rowid, before ranking. */
function walkFor(db: StoreDb, q: SearchQuery, match: string): Walk {
  const where = ['messages_fts MATCH ?', NOT_DELETED];
  const params: SqlValue[] = [match];
  // Unary + keeps these off any messages index: the full-text walk must stay the outer loop.
  const filters: [string, SqlValue | undefined][] = [
    ['+m.connection_id = ?', q.connectionId],
    ['+m.model_id = ?', q.modelId],
    ['+m.created_at >= ?', q.from],
    ['+m.created_at <= ?', q.to],
  ];
  for (const [sql, value] of filters) {
    if (value === undefined) continue;
    where.push(sql);
    params.push(value);
  }
  if (q.from !== undefined) {
    // Messages are numbered as they are written, so nothing from before the first message of
    // the period can qualify; an import of old messages only makes this bound looser. (seq + 0:
    // min(seq) alone would walk the table by rowid instead of the created_at index.)
    const first = db.prepare('SELECT min(seq + 0) AS seq FROM messages WHERE created_at >= ?').get(q.from) as { seq: number | null } | undefined;
    where.push('messages_fts.rowid >= ?');
    params.push(first?.seq ?? Number.MAX_SAFE_INTEGER);
  }
  const filtered = filters.some(([, value]) => value !== undefined);
  // messages_filter (migration 7) holds the filter columns by rowid: each match is tested in a
  // small, mostly cached index instead of a read (and decryption) of its whole row.
  return { from: filtered ? 'messages_fts CROSS JOIN messages m INDEXED BY messages_filter ON m.seq = messages_fts.rowid' : 'messages_fts', where, params };
}

export function searchMessages(db: StoreDb, q: SearchQuery): SearchHit[] {
  const match = buildFtsQuery(q.query);
  if (match === undefined) return [];
  const walk = walkFor(db, q, match);
  const limit = Math.min(Math.max(1, Math.floor(q.limit ?? DEFAULT_LIMIT)), MAX_LIMIT);
  // The newest RANK_WINDOW matches, walked newest-first (cheap: no ranking), then ranked. Not
  // "rowid >= the window's edge": FTS5 seeks a lower rowid bound slowly, and that walk cost more
  // than the ranking (docs/search.md). Equal scores: the newer message first.
  const ranked = db
    .prepare(
      `SELECT seq FROM (
         SELECT messages_fts.rowid AS seq, bm25(messages_fts) AS score FROM ${walk.from} WHERE ${walk.where.join(' AND ')}
         ORDER BY messages_fts.rowid DESC LIMIT ?
       ) ORDER BY score, seq DESC LIMIT ?`,
    )
    .all(...walk.params, RANK_WINDOW, limit) as { seq: number }[];
  // One query for the page, rowids given as a JSON array. Not one "rowid = ?" lookup per hit:
  // FTS5 answers that with another plan whose snippet() picks a different (worse) fragment.
  const rows = db
    .prepare(
      `
    SELECT messages_fts.rowid AS seq, m.id, m.conversation_id, c.title, m.role, m.connection_id, m.model_id, ${safeTimeColumn('m.created_at', 'created_at')},
      snippet(messages_fts, 0, char(1), char(2), '…', 16) AS snippet
    FROM messages_fts CROSS JOIN messages m ON m.seq = messages_fts.rowid JOIN conversations c ON c.id = m.conversation_id
    WHERE messages_fts MATCH ? AND messages_fts.rowid IN (SELECT value FROM json_each(?))`,
    )
    .all(match, JSON.stringify(ranked.map((r) => r.seq))) as unknown as (HitRow & { seq: number })[];
  const bySeq = new Map(rows.map((row) => [row.seq, row]));
  return ranked.flatMap(({ seq }) => {
    const row = bySeq.get(seq);
    return row ? [toHit(row)] : [];
  });
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
