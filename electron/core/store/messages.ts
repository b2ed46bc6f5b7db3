// Message rows and the tree they form through parent_id: insert, read, walk, finish.
import type { Attachment, ChatError, Message, MessageFinishInfo, MessageStatus, Usage } from '../../../shared/types';
import type { StoreContext } from './context';
import { MESSAGE_COLUMNS, MESSAGE_SELECT, messageSelectOf, toJson, toMessage, type MessageRow } from './rows';
import { StoreError } from './store-error';

export interface MessageFinish {
  status: MessageStatus;
  error?: ChatError;
  usage?: Usage;
  costUsd?: number;
  timing?: Message['timing'];
  /** Replaces the streamed text, e.g. when the provider sends a final authoritative body. */
  content?: string;
  finish?: MessageFinishInfo;
  /** Files the model generated (images), added to the message's own. */
  attachments?: Attachment[];
}

export function createMessagesRepo(ctx: StoreContext) {
  const { db } = ctx;
  const selectOne = db.prepare(`SELECT ${MESSAGE_SELECT} FROM messages WHERE id = ?`);
  const selectByConversation = db.prepare(`SELECT ${MESSAGE_SELECT} FROM messages WHERE conversation_id = ? ORDER BY created_at, seq`);
  const insertRow = db.prepare(
    `INSERT INTO messages (${MESSAGE_COLUMNS}, connection_id, model_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const appendRow = db.prepare(
    `UPDATE messages SET content = content || ?,
       reasoning = CASE WHEN ? = '' THEN reasoning ELSE coalesce(reasoning, '') || ? END,
       updated_at = ? WHERE id = ?`,
  );
  // Walks from the leaf up; depth bounds the walk should a cycle ever slip in.
  const selectPath = db.prepare(
    `WITH RECURSIVE up(id, parent_id, depth) AS (
       SELECT id, parent_id, 0 FROM messages WHERE id = ?
       UNION ALL
       SELECT m.id, m.parent_id, up.depth + 1 FROM messages m JOIN up ON m.id = up.parent_id WHERE up.depth < 100000
     )
     SELECT ${messageSelectOf('m')}
     FROM up JOIN messages m ON m.id = up.id ORDER BY up.depth DESC`,
  );

  const get = (id: string): Message | undefined => {
    const row = selectOne.get(id) as MessageRow | undefined;
    return row && toMessage(row);
  };

  const getOrThrow = (id: string): Message => {
    const message = get(id);
    if (!message) throw new StoreError({ kind: 'not-found', entity: 'message', id });
    return message;
  };

  return {
    get,
    getOrThrow,

    insert(m: Message): void {
      insertRow.run(
        m.id,
        m.conversationId,
        m.parentId,
        m.role,
        m.content,
        m.reasoning ?? null,
        m.status,
        toJson(m.model),
        toJson(m.error),
        toJson(m.usage),
        m.costUsd ?? null,
        toJson(m.attachments),
        toJson(m.timing),
        m.createdAt,
        m.updatedAt,
        toJson(m.finish),
        m.model?.connectionId ?? null,
        m.model?.modelId ?? null,
      );
    },

    listByConversation: (conversationId: string): Message[] => (selectByConversation.all(conversationId) as unknown as MessageRow[]).map(toMessage),

    /** Root → leaf; empty when the leaf is unknown. */
    pathTo: (leafId: string): Message[] => (selectPath.all(leafId) as unknown as MessageRow[]).map(toMessage),

    /** Every answer to the same parent (roots: every root of the conversation), oldest first. */
    siblings(messageId: string): Message[] {
      const m = getOrThrow(messageId);
      const rows =
        m.parentId === null
          ? db.prepare(`SELECT ${MESSAGE_SELECT} FROM messages WHERE conversation_id = ? AND parent_id IS NULL ORDER BY created_at, seq`).all(m.conversationId)
          : db.prepare(`SELECT ${MESSAGE_SELECT} FROM messages WHERE parent_id = ? ORDER BY created_at, seq`).all(m.parentId);
      return (rows as unknown as MessageRow[]).map(toMessage);
    },

    append(id: string, text: string, reasoning: string, at: number): void {
      appendRow.run(text, reasoning, reasoning, at, id);
    },

    finish(id: string, patch: MessageFinish, at: number): Message {
      const current = getOrThrow(id);
      db.prepare(
        `UPDATE messages SET status = ?, error_json = ?, usage_json = ?, cost_usd = ?, timing_json = ?,
           content = ?, finish_json = ?, attachments_json = ?, updated_at = ? WHERE id = ?`,
      ).run(
        patch.status,
        // The finish describes how the turn ended: an earlier error does not outlive it.
        toJson(patch.error),
        toJson(patch.usage ?? current.usage),
        patch.costUsd ?? current.costUsd ?? null,
        toJson(patch.timing ?? current.timing),
        patch.content ?? current.content,
        toJson(patch.finish),
        toJson(patch.attachments?.length ? [...(current.attachments ?? []), ...patch.attachments] : current.attachments),
        at,
        id,
      );
      return getOrThrow(id);
    },

    setModel(id: string, model: Message['model'], at: number): void {
      db.prepare(`UPDATE messages SET model_json = ?, connection_id = ?, model_id = ?, updated_at = ? WHERE id = ?`).run(
        toJson(model),
        model?.connectionId ?? null,
        model?.modelId ?? null,
        at,
        id,
      );
    },

    /** Continue: the reply streams again into the same message; its old error is cleared. */
    reopen(id: string, at: number): void {
      db.prepare(`UPDATE messages SET status = 'streaming', error_json = NULL, finish_json = NULL, updated_at = ? WHERE id = ?`).run(at, id);
    },

    /** After a crash nothing is streaming any more; whatever was written is kept. */
    markInterrupted(at: number): number {
      const result = db.prepare(`UPDATE messages SET status = 'interrupted', updated_at = ? WHERE status = 'streaming'`).run(at);
      return Number(result.changes);
    },
  };
}

export type MessagesRepo = ReturnType<typeof createMessagesRepo>;
