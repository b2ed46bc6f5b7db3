// Export and import of whole conversations (ConversationBundle). Import is all-or-nothing per
// call: one transaction, each conversation checked first, rolled back on any failure,
// reported as a BundleImportError.
//
// Ids are scoped per conversation: a conversation or message whose id is already taken in
// this database (including by a conversation written earlier in the same import) gets a
// fresh id, and every reference to it (parentId, conversationId, currentLeafId) is remapped.
// Real ChatGPT exports reuse node ids across conversations, so only a repeat *within* one
// conversation is an error (a parent link would be ambiguous). Ids that do not collide are
// kept, so importing into an empty database is exact.
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

export interface BundleRepos {
  conversations: ConversationsRepo;
  messages: MessagesRepo;
}

const PROGRESS_EVERY = 500;

export function exportBundles(conversations: ConversationsRepo, messages: MessagesRepo, ids?: readonly string[]): ConversationBundle[] {
  const list = ids ? ids.map((id) => conversations.getOrThrow(id)) : conversations.list();
  return list.map((conversation) => ({ conversation, messages: messages.listByConversation(conversation.id) }));
}

export function importBundles(ctx: StoreContext, repos: BundleRepos, bundles: readonly ConversationBundle[], options: ImportOptions = {}): ImportResult {
  bundles.forEach(checkBundle);
  const total = bundles.reduce((n, b) => n + b.messages.length, 0);
  let done = 0;
  return inTransaction(ctx.db, () => {
    deferForeignKeys(ctx);
    bundles.forEach((bundle, index) => {
      writeBundle(ctx, repos, bundle, index, () => {
        done += 1;
        if (done % PROGRESS_EVERY === 0) options.onProgress?.(done, total);
      });
      options.onProgress?.(done, total);
    });
    return { conversations: bundles.length, messages: total };
  });
}

/**
 * Rows go in in the bundle's own order (so ties in createdAt keep their order); the tree is
 * checked first and SQLite re-checks every link at COMMIT. Resets when the transaction ends.
 */
export function deferForeignKeys(ctx: StoreContext): void {
  ctx.db.exec('PRAGMA defer_foreign_keys = ON');
}

/** Writes one checked bundle inside the caller's transaction. */
export function writeBundle(ctx: StoreContext, repos: BundleRepos, bundle: ConversationBundle, index: number, onMessage?: () => void): void {
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
      onMessage?.();
    }
  } catch (error) {
    if (error instanceof BundleImportError) throw error;
    throw new BundleImportError({ kind: 'database', bundle: index, detail: error instanceof Error ? error.message : String(error) });
  }
}

/** Ids unique within the conversation, every parent link inside it, every chain reaching a root. */
export function checkBundle(bundle: ConversationBundle, index: number): void {
  const conversationId = bundle.conversation.id;
  const byId = new Map<string, Message>();
  for (const m of bundle.messages) {
    if (byId.has(m.id)) throw new BundleImportError({ kind: 'duplicate-message', bundle: index, messageId: m.id });
    byId.set(m.id, m);
    if (m.conversationId !== conversationId) {
      throw new BundleImportError({ kind: 'wrong-conversation', bundle: index, messageId: m.id, conversationId: m.conversationId });
    }
  }
  const leaf = bundle.conversation.currentLeafId;
  if (leaf !== null && !byId.has(leaf)) throw new BundleImportError({ kind: 'broken-leaf', bundle: index, leafId: leaf });
  const reachesRoot = new Set<string>();
  for (const m of bundle.messages) {
    const chain = new Set<string>();
    for (let at: Message | undefined = m; at && !reachesRoot.has(at.id);) {
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
