// Conversation rows: list, create, patch, soft delete, restore, purge.
import type { Conversation } from '../../../shared/types';
import type { StoreContext } from './context';
import { CONVERSATION_COLUMNS, CONVERSATION_SELECT, toConversation, toFlag, type ConversationRow } from './rows';
import { StoreError } from './store-error';

export interface NewConversation {
  title?: string;
  localOnly?: boolean;
  systemPrompt?: string;
}

export type ConversationPatch = Partial<Pick<Conversation, 'title' | 'pinned' | 'localOnly' | 'systemPrompt' | 'currentLeafId'>> & {
  /** null goes back to the provider's default. */
  temperature?: number | null;
};

export function createConversationsRepo(ctx: StoreContext) {
  const { db } = ctx;
  const selectOne = db.prepare(`SELECT ${CONVERSATION_SELECT} FROM conversations WHERE id = ?`);
  const selectList = db.prepare(`SELECT ${CONVERSATION_SELECT} FROM conversations WHERE deleted_at IS NULL ORDER BY pinned DESC, updated_at DESC`);
  const insertRow = db.prepare(`INSERT INTO conversations (${CONVERSATION_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);

  const get = (id: string): Conversation | undefined => {
    const row = selectOne.get(id) as ConversationRow | undefined;
    return row && toConversation(row);
  };

  const getOrThrow = (id: string): Conversation => {
    const conversation = get(id);
    if (!conversation) throw new StoreError({ kind: 'not-found', entity: 'conversation', id });
    return conversation;
  };

  const insert = (c: Conversation): void => {
    insertRow.run(
      c.id,
      c.title,
      c.createdAt,
      c.updatedAt,
      toFlag(c.pinned),
      toFlag(c.localOnly),
      c.currentLeafId,
      c.deletedAt ?? null,
      c.systemPrompt ?? null,
      c.temperature ?? null,
    );
  };

  return {
    get,
    getOrThrow,
    insert,

    list: (): Conversation[] => (selectList.all() as unknown as ConversationRow[]).map(toConversation),

    create(input: NewConversation): Conversation {
      const at = ctx.now();
      const conversation: Conversation = {
        id: ctx.newId(),
        title: input.title ?? '',
        createdAt: at,
        updatedAt: at,
        pinned: false,
        localOnly: input.localOnly ?? false,
        currentLeafId: null,
      };
      if (input.systemPrompt !== undefined) conversation.systemPrompt = input.systemPrompt;
      insert(conversation);
      return conversation;
    },

    /** Pinning and moving between branches do not bump updatedAt: neither is new content. */
    update(id: string, patch: ConversationPatch): Conversation {
      const current = getOrThrow(id);
      const next: Conversation = { ...current };
      if (patch.title !== undefined) next.title = patch.title;
      if (patch.pinned !== undefined) next.pinned = patch.pinned;
      if (patch.localOnly !== undefined) next.localOnly = patch.localOnly;
      if (patch.currentLeafId !== undefined) next.currentLeafId = patch.currentLeafId;
      if ('systemPrompt' in patch) {
        if (patch.systemPrompt === undefined || patch.systemPrompt === '') delete next.systemPrompt;
        else next.systemPrompt = patch.systemPrompt;
      }
      if (patch.temperature === null) delete next.temperature;
      else if (patch.temperature !== undefined) next.temperature = patch.temperature;
      if (patch.title !== undefined || patch.localOnly !== undefined || 'systemPrompt' in patch || patch.temperature !== undefined) {
        next.updatedAt = ctx.now();
      }
      db.prepare(
        `UPDATE conversations SET title = ?, pinned = ?, local_only = ?, system_prompt = ?, temperature = ?,
           current_leaf_id = ?, updated_at = ? WHERE id = ?`,
      ).run(next.title, toFlag(next.pinned), toFlag(next.localOnly), next.systemPrompt ?? null, next.temperature ?? null, next.currentLeafId, next.updatedAt, id);
      return next;
    },

    /** A new message moves the user to it and makes the conversation the most recent. */
    touchLeaf(id: string, leafId: string, at: number): void {
      db.prepare('UPDATE conversations SET current_leaf_id = ?, updated_at = max(updated_at, ?) WHERE id = ?').run(leafId, at, id);
    },

    setTitle(id: string, title: string): void {
      db.prepare('UPDATE conversations SET title = ? WHERE id = ?').run(title, id);
    },

    softDelete(id: string): void {
      getOrThrow(id);
      db.prepare('UPDATE conversations SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL').run(ctx.now(), id);
    },

    restore(id: string): void {
      getOrThrow(id);
      db.prepare('UPDATE conversations SET deleted_at = NULL WHERE id = ?').run(id);
    },

    /** Removes for good what was deleted more than `olderThanMs` ago; messages go with it. */
    purgeDeleted(olderThanMs: number): number {
      const cutoff = ctx.now() - olderThanMs;
      const result = db.prepare('DELETE FROM conversations WHERE deleted_at IS NOT NULL AND deleted_at <= ?').run(cutoff);
      return Number(result.changes);
    },
  };
}

export type ConversationsRepo = ReturnType<typeof createConversationsRepo>;
