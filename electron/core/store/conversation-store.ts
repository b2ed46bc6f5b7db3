// The conversation store: one object the rest of the core talks to. It owns no SQL itself; it
// wires the repositories together and holds the rules that span them (a new message becomes the
// current leaf, the first user message names the conversation, streamed text is buffered).
import { randomUUID } from 'node:crypto';
import type { StoreDb } from './driver';
import type {
  AnsweringModel,
  Attachment,
  Conversation,
  ConversationBundle,
  LedgerEntry,
  LedgerRecord,
  Message,
  MessageStatus,
  ModelRef,
  Role,
  SearchHit,
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
import { createUnsavedReplies } from './unsaved-replies';
import { createWriteGuard } from './write-guard';

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
  /** How often text the disk refused is written again; default 5 s. */
  retryIntervalMs?: number;
}

export type ConversationStore = ReturnType<typeof createConversationStore>;

export function createConversationStore(db: StoreDb, options: ConversationStoreOptions = {}) {
  const ctx: StoreContext = { db, now: options.now ?? Date.now, newId: options.newId ?? randomUUID };
  const conversations = createConversationsRepo(ctx);
  const messages = createMessagesRepo(ctx);
  const ledger = createLedgerRepo(db);
  const chains = createFallbackChainsRepo(ctx);

  const guard = createWriteGuard(db);
  const writeBatch = (batch: Map<string, PendingText>) => {
    const at = ctx.now();
    inTransaction(db, () => {
      for (const [id, pending] of batch) messages.append(id, pending.text, pending.reasoning, at);
    });
  };
  const buffer = createAppendBuffer({
    write: (batch) => guard.run(() => writeBatch(batch)),
    intervalMs: options.flushIntervalMs ?? 200,
    now: ctx.now,
    onError: (error) => {
      guard.record(error);
      scheduleRetry();
      options.onFlushError?.(error);
    },
  });
  const unsaved = createUnsavedReplies(buffer);
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  const retryMs = options.retryIntervalMs ?? 5000;

  const finishNow = (id: string, pending: PendingText | undefined, patch: MessageFinish): Message =>
    guard.run(() =>
      inTransaction(db, () => {
        if (pending) messages.append(id, pending.text, pending.reasoning, ctx.now());
        return messages.finish(id, patch, ctx.now());
      }),
    );

  /** Writes what the disk refused earlier; true when nothing is left in memory. */
  const retryUnsaved = (): boolean => {
    try {
      buffer.flushAll();
      for (const [id, patch] of unsaved.finishes()) {
        finishNow(id, undefined, patch);
        unsaved.written(id);
      }
      return true;
    } catch (error) {
      guard.record(error);
      return false;
    }
  };

  function scheduleRetry() {
    if (retryTimer) return;
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      if (!retryUnsaved()) scheduleRetry();
    }, retryMs);
    retryTimer.unref?.();
  }

  // Reads see everything appended so far: written if the disk takes it, else overlaid from memory.
  const flushed = <T>(read: () => T): T => {
    if (!retryUnsaved()) scheduleRetry();
    return read();
  };
  const seen = (list: Message[]): Message[] => list.map(unsaved.overlay);
  const seenRepo = { ...messages, listByConversation: (id: string) => seen(messages.listByConversation(id)) };

  return {
    listConversations: (): Conversation[] => conversations.list(),

    /** Before a read on another connection (the read worker): writes what the disk takes; never throws. */
    prepareRead: (): void => {
      if (!retryUnsaved()) scheduleRetry();
    },
    /** What a read from disk misses: text the disk refused, still held in memory. */
    withUnsaved: (list: Message[]): Message[] => seen(list),

    getConversation: (id: string): { conversation: Conversation; messages: Message[] } | undefined =>
      flushed(() => {
        const conversation = conversations.get(id);
        return conversation && { conversation, messages: seen(messages.listByConversation(id)) };
      }),

    /** The conversation's own row, without its messages. */
    conversationRow: (id: string): Conversation | undefined => conversations.get(id),

    createConversation: (input: NewConversation = {}): Conversation => guard.run(() => conversations.create(input)),

    updateConversation: (id: string, patch: ConversationPatch): Conversation => guard.run(() => conversations.update(id, patch)),

    /** Soft delete: hidden from the list and from search until restored or purged. */
    deleteConversation: (id: string): void => guard.run(() => conversations.softDelete(id)),
    restoreConversation: (id: string): void => guard.run(() => conversations.restore(id)),
    purgeDeleted: (olderThanMs: number): number => guard.run(() => conversations.purgeDeleted(olderThanMs)),

    addMessage(input: NewMessage): Message {
      return guard.run(() =>
        inTransaction(db, () => {
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
        }),
      );
    },

    /** Buffered: written within `flushIntervalMs`, or at once by finishMessage / flushAll. */
    appendToMessage: (id: string, delta: { text?: string; reasoning?: string }): void => buffer.append(id, delta),

    /** On a full disk the text goes back to memory and the finish is retried; throws StoreError. */
    finishMessage(id: string, patch: MessageFinish): Message {
      const pending = buffer.take(id);
      try {
        return finishNow(id, pending, patch);
      } catch (error) {
        if (pending) buffer.append(id, pending);
        unsaved.keepFinish(id, patch);
        scheduleRetry();
        throw error;
      }
    },

    flushAll: (): void => guard.run(() => buffer.flushAll()),

    /** Why the last write failed (a full disk), until one succeeds again. */
    writeProblem: () => guard.problem(),
    /** Replies kept only in memory because the disk refused them. */
    unsavedCount: (): number => unsaved.count(),
    retryUnsaved,

    getMessage: (id: string): Message | undefined =>
      flushed(() => {
        const message = messages.get(id);
        return message && unsaved.overlay(message);
      }),
    reopenMessage: (id: string): void => guard.run(() => messages.reopen(id, ctx.now())),

    /** Call once at startup, before any stream begins: nothing can still be streaming. */
    markInterruptedOnStartup: (): number => guard.run(() => messages.markInterrupted(ctx.now())),

    pathTo: (leafId: string): Message[] => flushed(() => seen(messages.pathTo(leafId))),
    siblings: (messageId: string): Message[] => flushed(() => seen(messages.siblings(messageId))),

    search: (query: SearchQuery): SearchHit[] => flushed(() => searchMessages(db, query)),

    insertLedger: (entry: LedgerRecord): LedgerEntry => guard.run(() => ledger.insert(entry)),
    annotateTurn: (turnId: string, figures: TurnFigures): void => guard.run(() => ledger.annotateTurn(turnId, figures)),
    ledgerModelRows: (since: number): LedgerEntry[] => ledger.modelRows(since),

    fallbackChain: (conversationId: string): ModelRef[] => chains.get(conversationId),
    setFallbackChain: (conversationId: string, chain: ModelRef[]): ModelRef[] => guard.run(() => chains.set(conversationId, chain)),
    /** The turn moved to another model of its fallback chain: the reply is now that model's. */
    setMessageModel: (id: string, model: AnsweringModel): void => guard.run(() => messages.setModel(id, model, ctx.now())),
    listLedger: (query?: LedgerQuery): LedgerEntry[] => ledger.list(query),
    ledgerTotals: (query: { since: number }): LedgerTotals => ledger.totals(query),

    exportBundles: (ids?: string[]): ConversationBundle[] => flushed(() => exportBundles(conversations, seenRepo, ids)),

    importBundles: (bundles: ConversationBundle[], opts?: ImportOptions): ImportResult => guard.run(() => importBundles(ctx, { conversations, messages }, bundles, opts)),

    /** One transaction for an import written in chunks (import-job.ts). Pending appends go first. */
    beginImport: (): ImportTransaction => {
      buffer.flushAll();
      return beginImportTransaction(ctx, { conversations, messages });
    },

    /** Writes what is pending and stops the timer; call before closeDatabase. */
    close(): void {
      if (retryTimer) clearTimeout(retryTimer);
      retryTimer = undefined;
      try {
        buffer.flushAll();
      } finally {
        buffer.dispose();
      }
    },
  };
}
