// The compare view: which models are chosen, the run on screen (one prompt, one pane per model),
// and how the answers are read together. Live text stays in streams-store; this store keeps a
// snapshot of each pane's timing when its stream ends, because streams-store forgets finished
// replies once the conversation is refreshed.
import { create } from 'zustand';
import type { ModelRef, Usage } from '../../shared/types';
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

/** What a pane measured when its stream ended, on the renderer's clock. */
export interface PaneFinal {
  firstTokenAt?: number;
  endedAt: number;
  usage?: Usage;
  costUsd?: number;
  failed: boolean;
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
  finals: Record<string, PaneFinal>;
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
      const streams = useStreams.getState();
      for (const p of result.panes) streams.begin(p.streamId, p.assistantMessageId);
      set({
        run: {
          conversationId,
          userMessageId: result.userMessageId,
          prompt: content,
          panes: result.panes.map((p) => ({ messageId: p.assistantMessageId, streamId: p.streamId, model: p.model, sentAt })),
        },
        diff: undefined,
      });
      await useConversations.getState().refresh();
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
      useStreams.getState().begin(result.streamId, result.assistantMessageId);
      const next: ComparePane = { messageId: result.assistantMessageId, streamId: result.streamId, model: pane.model, sentAt };
      set((s) => (s.run === run ? { run: { ...run, panes: run.panes.map((p, i) => (i === index ? next : p)) } } : {}));
      await useConversations.getState().refresh();
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
}));

// Snapshot each pane's measurements the moment its stream ends, before streams-store drops them.
useStreams.subscribe((streams) => {
  const { run, finals } = useCompare.getState();
  if (!run) return;
  let added: Record<string, PaneFinal> | undefined;
  for (const pane of run.panes) {
    const live = streams.byMessage[pane.messageId];
    if (!live?.done || finals[pane.messageId]) continue;
    added ??= {};
    added[pane.messageId] = {
      firstTokenAt: live.firstTokenAt,
      endedAt: live.endedAt ?? performance.now(),
      usage: live.usage,
      costUsd: live.costUsd,
      failed: !!live.error,
    };
  }
  if (added) useCompare.setState({ finals: { ...finals, ...added } });
});
