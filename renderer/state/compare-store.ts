// The compare view: which models are chosen, the run on screen (one prompt, one pane per model),
// and how the answers are read together. Live text stays in streams-store; this store keeps each
// pane's saved answer as its stream's end delivered it, so the panes stay whole even when another
// conversation is opened meanwhile.
import { create } from 'zustand';
import type { Message, ModelRef } from '../../shared/types';
import { pathTo } from '../../shared/tree';
import { call } from '../bridge/api';
import { useApp } from './app-store';
import { useConversations } from './conversations-store';
import { sameModel } from './preferences-store';
import { useStreams } from './streams-store';

export const MIN_MODELS = 2;
export const MAX_MODELS = 6;

export interface ComparePane {
  messageId: string;
  streamId: string;
  model: ModelRef;
  /** performance.now() when the prompt left for this model. */
  sentAt: number;
}

export interface CompareRun {
  conversationId: string;
  userMessageId: string;
  prompt: string;
  panes: ComparePane[];
}

interface CompareState {
  models: ModelRef[];
  run?: CompareRun;
  /** The saved answer of each pane of the run on screen, by message id. */
  finals: Record<string, Message>;
  sending: boolean;
  error?: string;
  syncScroll: boolean;
  /** Pane indexes shown in the diff, or undefined when the diff is closed. */
  diff?: { a: number; b: number };
  addModel(ref: ModelRef): void;
  removeModel(index: number): void;
  setModels(refs: ModelRef[]): void;
  send(prompt: string): Promise<boolean>;
  stop(index: number): Promise<void>;
  stopAll(): Promise<void>;
  retry(index: number): Promise<void>;
  pick(index: number): Promise<void>;
  setSyncScroll(on: boolean): void;
  setDiff(diff: { a: number; b: number } | undefined): void;
  /** Saved replies from stream ends: kept for the panes of the run on screen. */
  keepFinals(saved: readonly Message[]): void;
}

function failMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** The parent of a new prompt: the current leaf, or, when that is a question nobody answered yet, its parent. */
function parentForPrompt(): string | null {
  const { messages, conversation } = useConversations.getState();
  const leaf = pathTo(messages, conversation?.currentLeafId ?? null).at(-1);
  if (!leaf) return null;
  // After a compare nobody picked, the leaf is the question itself: branch beside it rather than
  // stacking two questions in a row.
  return leaf.role === 'user' ? leaf.parentId : leaf.id;
}

export const useCompare = create<CompareState>((set, get) => ({
  models: [],
  finals: {},
  sending: false,
  syncScroll: false,
  addModel(ref) {
    const { models } = get();
    if (models.length >= MAX_MODELS || models.some((m) => sameModel(m, ref))) return;
    set({ models: [...models, ref] });
  },
  removeModel(index) {
    set((s) => ({ models: s.models.filter((_, i) => i !== index) }));
  },
  setModels(refs) {
    set({ models: refs.slice(0, MAX_MODELS) });
  },
  async send(prompt) {
    const { models, sending } = get();
    const content = prompt.trim();
    if (sending || !content || models.length < MIN_MODELS) return false;
    set({ sending: true, error: undefined });
    try {
      const conversations = useConversations.getState();
      const conversationId = conversations.activeId ?? (await conversations.newConversation()).id;
      const sentAt = performance.now();
      const result = await call('sendCompare', { conversationId, parentId: parentForPrompt(), content, models });
      set({
        run: {
          conversationId,
          userMessageId: result.userMessageId,
          prompt: content,
          panes: result.panes.map((p) => ({ messageId: p.assistantMessageId, streamId: p.streamId, model: p.model, sentAt })),
        },
        finals: {},
        diff: undefined,
      });
      return true;
    } catch (err) {
      set({ error: failMessage(err) });
      return false;
    } finally {
      set({ sending: false });
    }
  },
  async stop(index) {
    const pane = get().run?.panes[index];
    if (pane) useStreams.getState().halt(pane.streamId);
    if (pane) await call('stopStream', { streamId: pane.streamId }).catch((err: unknown) => useApp.getState().toast(failMessage(err)));
  },
  async stopAll() {
    const panes = get().run?.panes ?? [];
    const live = useStreams.getState().byMessage;
    await Promise.all(panes.map((p, i) => (live[p.messageId] && !live[p.messageId]!.done ? get().stop(i) : undefined)));
  },
  async retry(index) {
    const run = get().run;
    const pane = run?.panes[index];
    if (!run || !pane) return;
    try {
      const sentAt = performance.now();
      const result = await call('regenerate', { messageId: pane.messageId, model: pane.model });
      const next: ComparePane = { messageId: result.assistantMessageId, streamId: result.streamId, model: pane.model, sentAt };
      set((s) => (s.run === run ? { run: { ...run, panes: run.panes.map((p, i) => (i === index ? next : p)) } } : {}));
    } catch (err) {
      useApp.getState().toast(`Could not retry: ${failMessage(err)}`);
    }
  },
  async pick(index) {
    const run = get().run;
    const pane = run?.panes[index];
    if (!run || !pane) return;
    try {
      await call('updateConversation', { id: run.conversationId, currentLeafId: pane.messageId });
      await useConversations.getState().open(run.conversationId);
      // The chat goes on with the model that wrote the chosen answer.
      useConversations.getState().setModel(pane.model);
      useApp.getState().show('chat');
    } catch (err) {
      useApp.getState().toast(`Could not use this answer: ${failMessage(err)}`);
    }
  },
  setSyncScroll: (syncScroll) => set({ syncScroll }),
  setDiff: (diff) => set({ diff }),
  keepFinals(saved) {
    const panes = get().run?.panes ?? [];
    const mine = saved.filter((m) => panes.some((p) => p.messageId === m.id));
    if (mine.length) set((s) => ({ finals: { ...s.finals, ...Object.fromEntries(mine.map((m) => [m.id, m])) } }));
  },
}));
