// The conversation store: one object the rest of the core talks to. It owns no SQL itself; it
// wires the repositories together and holds the rules that span them (a new message becomes the
// current leaf, the first user message names the conversation, streamed text is buffered).
import { randomUUID } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';
import type {
  AnsweringModel, Attachment, Conversation, ConversationBundle, LedgerEntry, LedgerRecord, Message, MessageStatus, ModelRef, Role, SearchHit,
} from '../../../shared/types';
import { createFallbackChainsRepo } from './fallback-chains';
import { createAppendBuffer, type PendingText } from './append-buffer';
import { titleFromText } from './auto-title';
import { exportBundles, importBundles, type ImportOptions, type ImportResult } from './bundles';
import { inTransaction, type StoreContext } from './context';
import { beginImportTransaction, type ImportTransaction } from './import-transaction';
import { createConversationsRepo, type ConversationPatch, type NewConversation } from './conversations';
import { createLedgerRepo, type LedgerQuery, type LedgerTotals, type TurnFigures } from './ledger-repo';
import { createMessagesRepo, type MessageFinish } from './messages';
import { searchMessages, type SearchQuery } from './search';
import { StoreError } from './store-error';

export interface NewMessage {
  id?: string;
  conversationId: string;
  parentId: string | null;
  role: Role;
  content: string;
  reasoning?: string;
  model?: Message['model'];
  status: MessageStatus;
  attachments?: Attachment[];
  createdAt?: number;
}

export interface ConversationStoreOptions {
  now?: () => number;
  newId?: () => string;
  /** Longest time streamed text waits in memory before it is written. */
  flushIntervalMs?: number;
  /** A timed background flush failed (the text stays pending and is retried). */
  onFlushError?: (error: unknown) => void;
}

export type ConversationStore = ReturnType<typeof createConversationStore>;

export function createConversationStore(db: DatabaseSync, options: ConversationStoreOptions = {}) {
  const ctx: StoreContext = { db, now: options.now ?? Date.now, newId: options.newId ?? randomUUID };
  const conversations = createConversationsRepo(ctx);
  const messages = createMessagesRepo(ctx);
  const ledger = createLedgerRepo(db);
  const chains = createFallbackChainsRepo(ctx);

  const writeBatch = (batch: Map<string, PendingText>) => {
    const at = ctx.now();
    inTransaction(db, () => {
      for (const [id, pending] of batch) messages.append(id, pending.text, pending.reasoning, at);
    });
  };
  const buffer = createAppendBuffer({
    write: writeBatch,
    intervalMs: options.flushIntervalMs ?? 200,
    now: ctx.now,
    onError: options.onFlushError,
  });
  // Reads see everything appended so far, not just what the last timed flush wrote.
  const flushed = <T>(read: () => T): T => {
    buffer.flushAll();
    return read();
  };

  return {
    listConversations: (): Conversation[] => conversations.list(),

    getConversation: (id: string): { conversation: Conversation; messages: Message[] } | undefined =>
      flushed(() => {
        const conversation = conversations.get(id);
        return conversation && { conversation, messages: messages.listByConversation(id) };
      }),

    createConversation: (input: NewConversation = {}): Conversation => conversations.create(input),

    updateConversation: (id: string, patch: ConversationPatch): Conversation =>
      conversations.update(id, patch),

    /** Soft delete: hidden from the list and from search until restored or purged. */
    deleteConversation: (id: string): void => conversations.softDelete(id),
    restoreConversation: (id: string): void => conversations.restore(id),
    purgeDeleted: (olderThanMs: number): number => conversations.purgeDeleted(olderThanMs),

    addMessage(input: NewMessage): Message {
      return inTransaction(db, () => {
        const conversation = conversations.getOrThrow(input.conversationId);
        // A parent in another conversation would splice two trees together: treat it as unknown.
        if (input.parentId !== null && messages.get(input.parentId)?.conversationId !== input.conversationId) {
          throw new StoreError({ kind: 'not-found', entity: 'message', id: input.parentId });
        }
        const createdAt = input.createdAt ?? ctx.now();
        const message: Message = {
          id: input.id ?? ctx.newId(),
          conversationId: input.conversationId,
          parentId: input.parentId,
          role: input.role,
          content: input.content,
          status: input.status,
          createdAt,
          updatedAt: createdAt,
        };
        if (input.reasoning !== undefined) message.reasoning = input.reasoning;
        if (input.model !== undefined) message.model = input.model;
        if (input.attachments !== undefined) message.attachments = input.attachments;
        messages.insert(message);
        conversations.touchLeaf(conversation.id, message.id, ctx.now());
        if (conversation.title === '' && input.role === 'user') {
          const title = titleFromText(input.content);
          if (title) conversations.setTitle(conversation.id, title);
        }
        return message;
      });
    },

    /** Buffered: written within `flushIntervalMs`, or at once by finishMessage / flushAll. */
    appendToMessage: (id: string, delta: { text?: string; reasoning?: string }): void => buffer.append(id, delta),

    finishMessage(id: string, patch: MessageFinish): Message {
      const pending = buffer.take(id);
      return inTransaction(db, () => {
        if (pending) messages.append(id, pending.text, pending.reasoning, ctx.now());
        return messages.finish(id, patch, ctx.now());
      });
    },

    flushAll: (): void => buffer.flushAll(),

    getMessage: (id: string): Message | undefined => flushed(() => messages.get(id)),
    reopenMessage: (id: string): void => messages.reopen(id, ctx.now()),

    /** Call once at startup, before any stream begins: nothing can still be streaming. */
    markInterruptedOnStartup: (): number => messages.markInterrupted(ctx.now()),

    pathTo: (leafId: string): Message[] => flushed(() => messages.pathTo(leafId)),
    siblings: (messageId: string): Message[] => flushed(() => messages.siblings(messageId)),

    search: (query: SearchQuery): SearchHit[] => flushed(() => searchMessages(db, query)),

    insertLedger: (entry: LedgerRecord): LedgerEntry => ledger.insert(entry),
    annotateTurn: (turnId: string, figures: TurnFigures): void => ledger.annotateTurn(turnId, figures),
    ledgerModelRows: (since: number): LedgerEntry[] => ledger.modelRows(since),

    fallbackChain: (conversationId: string): ModelRef[] => chains.get(conversationId),
    setFallbackChain: (conversationId: string, chain: ModelRef[]): ModelRef[] => chains.set(conversationId, chain),
    /** The turn moved to another model of its fallback chain: the reply is now that model's. */
    setMessageModel: (id: string, model: AnsweringModel): void => messages.setModel(id, model, ctx.now()),
    listLedger: (query?: LedgerQuery): LedgerEntry[] => ledger.list(query),
    ledgerTotals: (query: { since: number }): LedgerTotals => ledger.totals(query),

    exportBundles: (ids?: string[]): ConversationBundle[] =>
      flushed(() => exportBundles(conversations, messages, ids)),

    importBundles: (bundles: ConversationBundle[], opts?: ImportOptions): ImportResult =>
      importBundles(ctx, { conversations, messages }, bundles, opts),

    /** One transaction for an import written in chunks (import-job.ts). Pending appends go first. */
    beginImport: (): ImportTransaction => {
      buffer.flushAll();
      return beginImportTransaction(ctx, { conversations, messages });
    },

    /** Writes what is pending and stops the timer; call before closeDatabase. */
    close(): void {
      buffer.flushAll();
      buffer.dispose();
    },
  };
}
