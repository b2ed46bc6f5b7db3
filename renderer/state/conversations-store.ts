import { create } from 'zustand';
import type { Attachment, Conversation, Message, ModelRef } from '../../shared/types';
import { deepestLeaf } from '../../shared/tree';
import { call, errorMessage } from '../bridge/api';
import { useStreams } from './streams-store';
import { lastUsedModel } from './conversation-model';
import { upsertConversation, upsertMessages } from './row-updates';

/** Optional parts of a send: files, and the conversation preset's sampling settings. */
export interface SendExtra {
  attachments?: Attachment[];
  temperature?: number;
  maxOutputTokens?: number;
}

interface ConversationsState {
  list: Conversation[];
  /** False until the first listing answered; listError says why it failed. */
  listLoaded: boolean;
  listError?: string;
  activeId?: string;
  conversation?: Conversation;
  messages: Message[];
  model?: ModelRef;
  loadList(): Promise<void>;
  open(id: string | undefined): Promise<void>;
  refresh(): Promise<void>;
  /** Rows a turn wrote, from its stream events: shown without re-reading the conversation. */
  receiveRows(conversation: Conversation | undefined, messages: readonly Message[]): void;
  newConversation(): Promise<Conversation>;
  rename(id: string, title: string): Promise<void>;
  togglePin(c: Conversation): Promise<void>;
  remove(id: string): Promise<void>;
  restore(id: string): Promise<void>;
  setModel(model: ModelRef): void;
  send(content: string, parentId: string | null, extra?: SendExtra): Promise<void>;
  regenerate(messageId: string): Promise<void>;
  continueReply(messageId: string): Promise<void>;
  stop(streamId: string): Promise<void>;
  showBranch(messageId: string): Promise<void>;
}

/** Messages of the current branch loaded before the rest: more than a tall window shows. */
const FIRST_WINDOW = 60;
/** Counts loads so an answer that arrives after a newer one started is dropped. */
let loads = 0;
/**
 * Rows streamed in while a load is on its way: the load's answer may have been read before they
 * were written, so they are laid over it. Emptied when each load starts, so it holds one load's worth.
 */
let arrivedDuringLoad = new Map<string, Message>();
const overlayArrived = (messages: Message[], conversationId: string) =>
  upsertMessages(
    messages,
    [...arrivedDuringLoad.values()].filter((m) => m.conversationId === conversationId),
  );

export const useConversations = create<ConversationsState>((set, get) => ({
  list: [],
  listLoaded: false,
  messages: [],
  async loadList() {
    try {
      set({ list: await call('listConversations', {}), listLoaded: true, listError: undefined });
    } catch (err) {
      set({ listLoaded: true, listError: errorMessage(err) });
    }
  },
  async open(id) {
    if (!id) {
      loads += 1;
      set({ activeId: undefined, conversation: undefined, messages: [] });
      return;
    }
    const load = ++loads;
    arrivedDuringLoad = new Map();
    // A newly opened conversation paints its newest messages first; the rest follows.
    const switching = get().activeId !== id;
    const first = await call('getConversation', switching ? { id, limit: FIRST_WINDOW } : { id });
    if (load !== loads) return;
    set({ activeId: id, conversation: first.conversation, messages: overlayArrived(first.messages, id) });
    // The model belongs to the conversation: opening one restores the model it last used.
    const lastModel = lastUsedModel(first.messages, first.conversation.currentLeafId);
    if (lastModel && (switching || !get().model)) set({ model: lastModel });
    if (!first.partial) return;
    const whole = await call('getConversation', { id });
    if (load === loads) set({ conversation: whole.conversation, messages: overlayArrived(whole.messages, id) });
  },
  async refresh() {
    const id = get().activeId;
    await Promise.all([get().loadList(), id ? get().open(id) : Promise.resolve()]);
  },
  receiveRows(conversation, messages) {
    for (const m of messages) arrivedDuringLoad.set(m.id, m);
    set((s) => {
      const activeId = s.activeId;
      const mine = messages.filter((m) => m.conversationId === activeId);
      return {
        ...(conversation ? { list: upsertConversation(s.list, conversation) } : {}),
        ...(conversation && conversation.id === activeId ? { conversation } : {}),
        ...(mine.length ? { messages: upsertMessages(s.messages, mine) } : {}),
      };
    });
  },
  async newConversation() {
    const conversation = await call('createConversation', {});
    // A new conversation is empty: nothing to read back.
    loads += 1;
    arrivedDuringLoad = new Map();
    set((s) => ({ list: upsertConversation(s.list, conversation), activeId: conversation.id, conversation, messages: [] }));
    return conversation;
  },
  async rename(id, title) {
    await call('updateConversation', { id, title });
    await get().refresh();
  },
  async togglePin(c) {
    await call('updateConversation', { id: c.id, pinned: !c.pinned });
    await get().loadList();
  },
  async remove(id) {
    await call('deleteConversation', { id });
    if (get().activeId === id) await get().open(undefined);
    await get().loadList();
  },
  async restore(id) {
    await call('restoreConversation', { id });
    await get().loadList();
  },
  setModel: (model) => set({ model }),
  async send(content, parentId, extra = {}) {
    const { model } = get();
    if (!model) throw new Error('Choose a model first.');
    let conversationId = get().activeId;
    if (!conversationId) conversationId = (await get().newConversation()).id;
    // The rows it writes arrive with its stream's start event (stream-events.ts).
    await call('sendMessage', { conversationId, parentId, content, model, ...extra });
  },
  async regenerate(messageId) {
    await call('regenerate', { messageId, model: get().model });
  },
  async continueReply(messageId) {
    await call('continueMessage', { messageId });
  },
  async stop(streamId) {
    useStreams.getState().halt(streamId);
    await call('stopStream', { streamId });
  },
  async showBranch(messageId) {
    const id = get().activeId;
    if (!id) return;
    await call('updateConversation', { id, currentLeafId: deepestLeaf(get().messages, messageId) });
    await get().open(id);
  },
}));
