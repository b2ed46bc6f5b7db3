// Live text of replies being streamed, keyed by message id. Only the message that is streaming
// subscribes to its own entry, so a token re-renders one message and nothing else.
import { create } from 'zustand';
import type { AnsweringModel, ChatError, StreamEvent, Usage } from '../../shared/types';

export interface LiveReply {
  streamId: string;
  messageId: string;
  text: string;
  reasoning: string;
  usage?: Usage;
  costUsd?: number;
  error?: ChatError;
  /** Set when the turn moved along its fallback chain: the model answering now. */
  model?: AnsweringModel;
  done: boolean;
  startedAt: number;
  firstTokenAt?: number;
  /** performance.now() when the stream finished or failed. */
  endedAt?: number;
}

interface StreamsState {
  byMessage: Record<string, LiveReply>;
  messageOfStream: Record<string, string>;
  begin(streamId: string, messageId: string): void;
  apply(events: StreamEvent[]): string[];
  clear(messageId: string): void;
}

/** Streams whose end already arrived: a fast local reply can end before sendMessage returns. */
const endedStreams = new Set<string>();

export const useStreams = create<StreamsState>((set, get) => ({
  byMessage: {},
  messageOfStream: {},
  begin(streamId, messageId) {
    if (endedStreams.has(streamId)) return;
    set((s) => ({
      messageOfStream: { ...s.messageOfStream, [streamId]: messageId },
      byMessage: {
        ...s.byMessage,
        [messageId]: s.byMessage[messageId] ?? { streamId, messageId, text: '', reasoning: '', done: false, startedAt: performance.now() },
      },
    }));
  },
  /** Applies a batch; returns the ids of streams that ended in it. */
  apply(events) {
    const ended: string[] = [];
    const byMessage = { ...get().byMessage };
    const messageOfStream = { ...get().messageOfStream };
    for (const e of events) {
      if (e.kind === 'start') {
        messageOfStream[e.streamId] = e.messageId;
        byMessage[e.messageId] ??= { streamId: e.streamId, messageId: e.messageId, text: '', reasoning: '', done: false, startedAt: performance.now() };
        continue;
      }
      if (e.kind === 'finish' || e.kind === 'error') endedStreams.add(e.streamId);
      const messageId = messageOfStream[e.streamId];
      const live = messageId ? byMessage[messageId] : undefined;
      if (!messageId || !live) continue;
      switch (e.kind) {
        case 'text-delta':
          byMessage[messageId] = { ...live, text: live.text + e.text, firstTokenAt: live.firstTokenAt ?? performance.now() };
          break;
        case 'reasoning-delta':
          byMessage[messageId] = { ...live, reasoning: live.reasoning + e.text, firstTokenAt: live.firstTokenAt ?? performance.now() };
          break;
        case 'usage':
          byMessage[messageId] = { ...live, usage: e.usage, costUsd: e.costUsd };
          break;
        case 'error':
          byMessage[messageId] = { ...live, error: e.error, done: true, endedAt: performance.now() };
          ended.push(e.streamId);
          break;
        case 'finish':
          byMessage[messageId] = { ...live, done: true, endedAt: performance.now() };
          ended.push(e.streamId);
          break;
        case 'failover':
          byMessage[messageId] = { ...live, model: e.next };
          break;
        default: {
          const unreachable: never = e;
          throw new Error(`unknown stream event ${JSON.stringify(unreachable)}`);
        }
      }
    }
    set({ byMessage, messageOfStream });
    return ended;
  },
  clear(messageId) {
    set((s) => {
      const byMessage = { ...s.byMessage };
      delete byMessage[messageId];
      return { byMessage };
    });
  },
}));
