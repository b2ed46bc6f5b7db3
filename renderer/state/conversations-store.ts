import { create } from 'zustand';
import type { Attachment, Conversation, Message, ModelRef } from '../../shared/types';
import { deepestLeaf } from '../../shared/tree';
import { call, errorMessage } from '../app/api';
import { useStreams } from './streams-store';
import { lastUsedModel } from './conversation-model';

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

/** open() answers can arrive out of order (a send's refresh and the end-of-stream refresh race):
 *  an answer older than the one on screen is dropped, so a finished reply never reverts to a
 *  half-written "streaming" copy. */
let openCalls = 0;
let shownCall = 0;

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
    const callNo = ++openCalls;
    if (!id) {
      shownCall = callNo;
      set({ activeId: undefined, conversation: undefined, messages: [] });
      return;
    }
    const { conversation, messages } = await call('getConversation', { id });
    if (callNo < shownCall) return;
    shownCall = callNo;
    const switched = get().activeId !== id;
    set({ activeId: id, conversation, messages });
    // The model belongs to the conversation: opening one restores the model it last used.
    const lastModel = lastUsedModel(messages, conversation.currentLeafId);
    if (lastModel && (switched || !get().model)) set({ model: lastModel });
  },
  async refresh() {
    const id = get().activeId;
    await Promise.all([get().loadList(), id ? get().open(id) : Promise.resolve()]);
  },
  async newConversation() {
    const conversation = await call('createConversation', {});
    await get().loadList();
    await get().open(conversation.id);
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
    const result = await call('sendMessage', { conversationId, parentId, content, model, ...extra });
    useStreams.getState().begin(result.streamId, result.assistantMessageId);
    await get().refresh();
  },
  async regenerate(messageId) {
    const result = await call('regenerate', { messageId, model: get().model });
    useStreams.getState().begin(result.streamId, result.assistantMessageId);
    await get().refresh();
  },
  async continueReply(messageId) {
    const target = get().messages.find((m) => m.id === messageId);
    useStreams.getState().expectContinuation(messageId, { text: target?.content ?? '', reasoning: target?.reasoning ?? '' });
    const result = await call('continueMessage', { messageId });
    useStreams.getState().begin(result.streamId, result.assistantMessageId);
    await get().refresh();
  },
  async stop(streamId) {
    await call('stopStream', { streamId });
  },
  async showBranch(messageId) {
    const id = get().activeId;
    if (!id) return;
    await call('updateConversation', { id, currentLeafId: deepestLeaf(get().messages, messageId) });
    await get().open(id);
  },
}));
