// Message search for the sidebar: query, filters, results, and the message a hit asks the chat
// view to scroll to. `focusSearch()` is the one entry point other features call.
import { create } from 'zustand';
import type { ModelRef, SearchHit } from '../../shared/types';
import { call, errorMessage } from '../bridge/api';
import { rangeBounds, type DateRange } from './date-range';
import { useApp } from './app-store';
import { useConversations } from './conversations-store';

export type SearchStatus = { kind: 'idle' } | { kind: 'loading' } | { kind: 'done'; hits: SearchHit[] } | { kind: 'error'; message: string };

/** A new object per request, so asking for the same message twice still scrolls. */
export interface MessageFocus {
  messageId: string;
}

interface SearchState {
  query: string;
  model?: ModelRef;
  range: DateRange;
  status: SearchStatus;
  /** Bumped by focusSearch(); the search box focuses itself when it changes. */
  focusRequest: number;
  focusMessage?: MessageFocus;
  setQuery(query: string): void;
  setModel(model: ModelRef | undefined): void;
  setRange(range: DateRange): void;
  run(): Promise<void>;
  clear(): void;
  focusSearch(): void;
  openHit(hit: SearchHit): Promise<void>;
}

const DEBOUNCE_MS = 120;
const LIMIT = 50;
const FLASH_MS = 2500;
let timer: ReturnType<typeof setTimeout> | undefined;
let flashTimer: ReturnType<typeof setTimeout> | undefined;
let latest = 0;

export const useSearch = create<SearchState>((set, get) => ({
  query: '',
  range: { kind: 'any' },
  status: { kind: 'idle' },
  focusRequest: 0,
  setQuery(query) {
    set({ query });
    clearTimeout(timer);
    if (query.trim() === '') {
      latest++;
      set({ status: { kind: 'idle' } });
      return;
    }
    timer = setTimeout(() => void get().run(), DEBOUNCE_MS);
  },
  setModel(model) {
    set({ model });
    void get().run();
  },
  setRange(range) {
    set({ range });
    void get().run();
  },
  async run() {
    clearTimeout(timer);
    const { query, model, range } = get();
    if (query.trim() === '') return;
    const ticket = ++latest;
    set({ status: { kind: 'loading' } });
    try {
      const hits = await call('searchMessages', {
        query: query.trim(),
        ...(model ? { connectionId: model.connectionId, modelId: model.modelId } : {}),
        ...rangeBounds(range, Date.now()),
        limit: LIMIT,
      });
      if (ticket === latest) set({ status: { kind: 'done', hits } });
    } catch (err) {
      if (ticket === latest) set({ status: { kind: 'error', message: errorMessage(err) } });
    }
  },
  clear() {
    clearTimeout(timer);
    latest++;
    set({ query: '', status: { kind: 'idle' } });
  },
  focusSearch: () => set((s) => ({ focusRequest: s.focusRequest + 1 })),
  async openHit(hit) {
    const conversations = useConversations.getState();
    useApp.getState().show('chat');
    try {
      await conversations.open(hit.conversationId);
      // showBranch moves currentLeafId to the deepest leaf below the hit, so the hit is on screen.
      await useConversations.getState().showBranch(hit.messageId);
    } catch (err) {
      useApp.getState().toast(errorMessage(err));
      return;
    }
    set({ focusMessage: { messageId: hit.messageId } });
    clearTimeout(flashTimer);
    flashTimer = setTimeout(() => set({ focusMessage: undefined }), FLASH_MS);
  },
}));
