// Everything the read worker answers, as plain functions over one (read-only) connection: search,
// a conversation (whole, or the current branch's newest messages first), and export bundles.
// The same code runs on the core thread in tests that compare both paths.
import type { StoreDb } from './driver';
import type { Conversation, ConversationBundle, Message } from '../../../shared/types';
import { exportBundles } from './bundles';
import { createConversationsRepo } from './conversations';
import { createMessagesRepo } from './messages';
import { MESSAGE_COLUMNS, toMessage, type MessageRow } from './rows';
import { searchMessages, type SearchQuery } from './search';
import type { StoreContext } from './context';

export interface LoadedConversation {
  conversation: Conversation;
  messages: Message[];
  /** True when `messages` is only the current branch's newest part (and its siblings). */
  partial?: boolean;
}

export type ReadQueries = ReturnType<typeof createReadQueries>;

export function createReadQueries(db: StoreDb) {
  const readOnly = (): never => {
    throw new Error('The read connection cannot write.');
  };
  const ctx: StoreContext = { db, now: readOnly, newId: readOnly };
  const conversations = createConversationsRepo(ctx);
  const messages = createMessagesRepo(ctx);
  // Bounded: only whether the conversation is bigger than the window matters, not by how much.
  const countUpTo = db.prepare('SELECT count(*) AS n FROM (SELECT 1 FROM messages WHERE conversation_id = ? LIMIT ?)');
  const newestLeaf = db.prepare(
    `SELECT id FROM messages m WHERE conversation_id = ?
       AND NOT EXISTS (SELECT 1 FROM messages c WHERE c.parent_id = m.id)
     ORDER BY created_at DESC, seq DESC LIMIT 1`,
  );
  // The branch from the leaf up, newest first, stopping after `limit` messages.
  const branchTail = db.prepare(
    `WITH RECURSIVE up(id, parent_id, depth) AS (
       SELECT id, parent_id, 0 FROM messages WHERE id = ? AND conversation_id = ?
       UNION ALL
       SELECT m.id, m.parent_id, up.depth + 1 FROM messages m JOIN up ON m.id = up.parent_id WHERE up.depth + 1 < ?
     )
     SELECT id, parent_id FROM up ORDER BY depth DESC`,
  );
  // Children of the given parents, plus the roots when asked: the window with every sibling.
  // Found by parent (messages_parent), so a window reads its own rows and not every row of the
  // conversation: on a 10,000-message conversation opened cold that was most of the load.
  const withSiblings = db.prepare(
    `SELECT ${MESSAGE_COLUMNS} FROM (
       SELECT *, seq AS window_seq FROM messages WHERE parent_id IN (SELECT value FROM json_each(?)) AND +conversation_id = ?
       UNION ALL
       SELECT *, seq AS window_seq FROM messages WHERE ? AND conversation_id = ? AND parent_id IS NULL
     ) ORDER BY created_at, window_seq`,
  );

  /**
   * The current branch's newest `limit` messages and their siblings (so branch arrows show the
   * right counts at once), oldest first; the whole conversation when it is no bigger than that.
   */
  function loadWindow(id: string, limit: number): LoadedConversation | undefined {
    const conversation = conversations.get(id);
    if (!conversation) return undefined;
    const total = (countUpTo.get(id, limit + 1) as { n: number }).n;
    if (total <= limit) return { conversation, messages: messages.listByConversation(id) };
    const leaf = conversation.currentLeafId ?? (newestLeaf.get(id) as { id: string } | undefined)?.id;
    if (!leaf) return { conversation, messages: [] };
    const tail = branchTail.all(leaf, id, limit) as Array<{ id: string; parent_id: string | null }>;
    const parents = [...new Set(tail.map((m) => m.parent_id).filter((p): p is string => p !== null))];
    const reachesRoot = tail.some((m) => m.parent_id === null) ? 1 : 0;
    const rows = withSiblings.all(JSON.stringify(parents), id, reachesRoot, id) as unknown as MessageRow[];
    return { conversation, messages: rows.map(toMessage), partial: true };
  }

  return {
    search: (query: SearchQuery) => searchMessages(db, query),
    getConversation: (id: string, limit?: number): LoadedConversation | undefined => {
      if (limit !== undefined) return loadWindow(id, limit);
      const conversation = conversations.get(id);
      return conversation && { conversation, messages: messages.listByConversation(id) };
    },
    exportBundles: (ids?: string[]): ConversationBundle[] => exportBundles(conversations, messages, ids),
  };
}
