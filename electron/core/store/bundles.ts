// Export and import of whole conversations (ConversationBundle). Import is all-or-nothing: one
// transaction, checked first, rolled back on any failure, reported as a BundleImportError.
//
// Id collisions: a conversation or message whose id already exists in this database gets a
// fresh id on import, and every reference to it (parentId, conversationId, currentLeafId) is
// remapped; ids that do not collide are kept, so importing into an empty database is exact.
// Ids repeated *within* the import are an error, since a parent link would be ambiguous.
import type { ConversationBundle, Message } from '../../../shared/types';
import { inTransaction, type StoreContext } from './context';
import type { ConversationsRepo } from './conversations';
import type { MessagesRepo } from './messages';
import { BundleImportError } from './store-error';

export interface ImportOptions {
  onProgress?(done: number, total: number): void;
}

export interface ImportResult {
  conversations: number;
  messages: number;
}

const PROGRESS_EVERY = 500;

export function exportBundles(
  conversations: ConversationsRepo,
  messages: MessagesRepo,
  ids?: readonly string[],
): ConversationBundle[] {
  const list = ids ? ids.map((id) => conversations.getOrThrow(id)) : conversations.list();
  return list.map((conversation) => ({ conversation, messages: messages.listByConversation(conversation.id) }));
}

export function importBundles(
  ctx: StoreContext,
  repos: { conversations: ConversationsRepo; messages: MessagesRepo },
  bundles: readonly ConversationBundle[],
  options: ImportOptions = {},
): ImportResult {
  checkUniqueIds(bundles);
  bundles.forEach(checkTree);
  const total = bundles.reduce((n, b) => n + b.messages.length, 0);
  let done = 0;
  return inTransaction(ctx.db, () => {
    // Rows go in in the bundle's own order (so ties in createdAt keep their order); the tree
    // was checked above, and SQLite re-checks every link at COMMIT. Resets when the transaction ends.
    ctx.db.exec('PRAGMA defer_foreign_keys = ON');
    bundles.forEach((bundle, index) => {
      try {
        const ids = new Map<string, string>();
        const fresh = (id: string, taken: (id: string) => boolean) => {
          const next = taken(id) ? ctx.newId() : id;
          ids.set(id, next);
          return next;
        };
        const conversationId = fresh(bundle.conversation.id, (id) => repos.conversations.get(id) !== undefined);
        for (const m of bundle.messages) fresh(m.id, (id) => repos.messages.get(id) !== undefined);
        const leaf = bundle.conversation.currentLeafId;
        repos.conversations.insert({
          ...bundle.conversation,
          id: conversationId,
          currentLeafId: leaf === null ? null : (ids.get(leaf) ?? null),
        });
        for (const m of bundle.messages) {
          repos.messages.insert({
            ...m,
            id: ids.get(m.id) ?? m.id,
            conversationId,
            parentId: m.parentId === null ? null : (ids.get(m.parentId) ?? null),
          });
          done += 1;
          if (done % PROGRESS_EVERY === 0) options.onProgress?.(done, total);
        }
      } catch (error) {
        if (error instanceof BundleImportError) throw error;
        throw new BundleImportError({ kind: 'database', bundle: index, detail: error instanceof Error ? error.message : String(error) });
      }
      options.onProgress?.(done, total);
    });
    return { conversations: bundles.length, messages: total };
  });
}

function checkUniqueIds(bundles: readonly ConversationBundle[]): void {
  const conversationIds = new Set<string>();
  const messageIds = new Set<string>();
  bundles.forEach((bundle, index) => {
    const conversationId = bundle.conversation.id;
    if (conversationIds.has(conversationId)) {
      throw new BundleImportError({ kind: 'duplicate-conversation', bundle: index, conversationId });
    }
    conversationIds.add(conversationId);
    for (const m of bundle.messages) {
      if (messageIds.has(m.id)) throw new BundleImportError({ kind: 'duplicate-message', bundle: index, messageId: m.id });
      messageIds.add(m.id);
      if (m.conversationId !== conversationId) {
        throw new BundleImportError({ kind: 'wrong-conversation', bundle: index, messageId: m.id, conversationId: m.conversationId });
      }
    }
  });
}

/** Every parent link stays inside the bundle and every chain reaches a root. */
function checkTree(bundle: ConversationBundle, index: number): void {
  const byId = new Map(bundle.messages.map((m) => [m.id, m]));
  const leaf = bundle.conversation.currentLeafId;
  if (leaf !== null && !byId.has(leaf)) throw new BundleImportError({ kind: 'broken-leaf', bundle: index, leafId: leaf });
  const reachesRoot = new Set<string>();
  for (const m of bundle.messages) {
    const chain = new Set<string>();
    for (let at: Message | undefined = m; at && !reachesRoot.has(at.id); ) {
      if (chain.has(at.id)) throw new BundleImportError({ kind: 'parent-cycle', bundle: index, messageId: at.id });
      chain.add(at.id);
      if (at.parentId === null) break;
      const parent = byId.get(at.parentId);
      if (!parent) throw new BundleImportError({ kind: 'broken-parent', bundle: index, messageId: at.id, parentId: at.parentId });
      at = parent;
    }
    for (const id of chain) reachesRoot.add(id);
  }
}
