// Builds large conversation databases fast, with the app's real schema (openDatabase runs the
// migrations, so the FTS5 triggers are the app's too): prepared statements, big transactions.
import { randomUUID } from 'node:crypto';
import type { StoreDb } from '../../electron/core/store/driver';
import { MODELS, messageText, rng } from './text-gen';

export interface SeedOptions {
  messages: number;
  /** Messages per conversation (a linear thread: user, assistant, user, ...). */
  perConversation: number;
  /** Created times spread evenly over the `spanDays` before `endAt`. */
  endAt: number;
  spanDays: number;
  seed?: number;
  /** Rows per transaction. */
  batch?: number;
  /**
   * After this many rows, the FTS insert trigger is dropped and the index rebuilt in one pass at
   * the end (the same index, built several times faster). Default: never.
   */
  triggerRows?: number;
}

export interface SeedResult {
  conversationIds: string[];
  ms: number;
  /** Rows per second while every insert went through the FTS trigger (the app's write path). */
  triggeredRate: number;
}

export function seedMessages(db: StoreDb, opts: SeedOptions): SeedResult {
  const r = rng(opts.seed ?? 42);
  const batch = opts.batch ?? 20_000;
  // Columns named one by one: a column added later (with its default) never breaks the seed.
  const insertConversation = db.prepare('INSERT INTO conversations (id, title, created_at, updated_at, current_leaf_id) VALUES (?, ?, ?, ?, ?)');
  const insertMessage = db.prepare(
    `INSERT INTO messages (id, conversation_id, parent_id, role, content, status, model_json, created_at, updated_at, connection_id, model_id)
     VALUES (?, ?, ?, ?, ?, 'complete', ?, ?, ?, ?, ?)`,
  );
  const spanMs = opts.spanDays * 86_400_000;
  const step = spanMs / opts.messages;
  const start = opts.endAt - spanMs;
  const conversationIds: string[] = [];
  const started = performance.now();
  let conversationId = '';
  let parentId: string | null = null;
  let model = MODELS[0]!;
  const triggerRows = Math.min(opts.triggerRows ?? opts.messages, opts.messages);
  let triggeredRate = Number.NaN;
  const triggerSql = (db.prepare("SELECT sql FROM sqlite_master WHERE name = 'messages_fts_insert'").get() as { sql: string }).sql;
  db.exec('BEGIN');
  for (let i = 0; i < opts.messages; i += 1) {
    if (i === triggerRows) {
      db.exec('COMMIT');
      triggeredRate = i / ((performance.now() - started) / 1000);
      db.exec('DROP TRIGGER messages_fts_insert');
      db.exec('BEGIN');
    }
    const at = Math.floor(start + i * step);
    const turn = i % opts.perConversation;
    if (turn === 0) {
      conversationId = randomUUID();
      conversationIds.push(conversationId);
      parentId = null;
      model = MODELS[Math.floor(r() * MODELS.length)]!;
      const last = Math.floor(start + Math.min(opts.messages - 1, i + opts.perConversation - 1) * step);
      insertConversation.run(conversationId, `Conversation ${conversationIds.length}`, at, last, null);
    }
    const role = turn % 2 === 0 ? 'user' : 'assistant';
    const id = randomUUID();
    const modelJson = role === 'assistant' ? JSON.stringify({ connectionId: 'conn-bench', modelId: model, connectionName: 'Bench' }) : null;
    insertMessage.run(id, conversationId, parentId, role, messageText(r, role), modelJson, at, at, role === 'assistant' ? 'conn-bench' : null, role === 'assistant' ? model : null);
    parentId = id;
    if (turn === opts.perConversation - 1 || i === opts.messages - 1) {
      db.prepare('UPDATE conversations SET current_leaf_id = ? WHERE id = ?').run(id, conversationId);
    }
    if ((i + 1) % batch === 0) {
      db.exec('COMMIT');
      db.exec('BEGIN');
    }
  }
  db.exec('COMMIT');
  if (triggerRows < opts.messages) {
    db.exec('BEGIN');
    // Rebuild reads every row of the content table, so rows indexed by the trigger stay right.
    db.exec("INSERT INTO messages_fts(messages_fts) VALUES ('rebuild')");
    db.exec(triggerSql);
    db.exec('COMMIT');
  } else {
    triggeredRate = opts.messages / ((performance.now() - started) / 1000);
  }
  return { conversationIds, ms: performance.now() - started, triggeredRate };
}
