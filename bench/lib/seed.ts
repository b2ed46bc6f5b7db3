// Builds large conversation databases fast, with the app's real schema (openDatabase runs the
// migrations, so the FTS5 triggers are the app's too): prepared statements, big transactions.
import { randomUUID } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';
import { MESSAGE_COLUMNS, CONVERSATION_COLUMNS } from '../../electron/core/store/rows';
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
}

export interface SeedResult {
  conversationIds: string[];
  ms: number;
}

export function seedMessages(db: DatabaseSync, opts: SeedOptions): SeedResult {
  const r = rng(opts.seed ?? 42);
  const batch = opts.batch ?? 20_000;
  const insertConversation = db.prepare(`INSERT INTO conversations (${CONVERSATION_COLUMNS}) VALUES (?, ?, ?, ?, 0, 0, ?, NULL, NULL)`);
  const insertMessage = db.prepare(
    `INSERT INTO messages (${MESSAGE_COLUMNS}, connection_id, model_id) VALUES (?, ?, ?, ?, ?, NULL, 'complete', ?, NULL, NULL, NULL, NULL, NULL, ?, ?, ?, ?)`,
  );
  const spanMs = opts.spanDays * 86_400_000;
  const step = spanMs / opts.messages;
  const start = opts.endAt - spanMs;
  const conversationIds: string[] = [];
  const started = performance.now();
  let conversationId = '';
  let parentId: string | null = null;
  let model = MODELS[0]!;
  db.exec('BEGIN');
  for (let i = 0; i < opts.messages; i += 1) {
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
  return { conversationIds, ms: performance.now() - started };
}
