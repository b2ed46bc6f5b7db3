// Live text of replies being streamed, keyed by message id. Only the message that is streaming
// subscribes to its own entry, so a token re-renders one message and nothing else.
import { create } from 'zustand';
import type { ChatError, StreamEvent, Usage } from '../../shared/types';

export interface LiveReply {
  streamId: string;
  messageId: string;
  /** Text the message held before this stream (a continued reply); the live text follows it. */
  base: string;
  baseReasoning: string;
  /** Everything streamed so far. Shown as base + text, never appended to a refreshed message.content,
   *  which already holds part of the stream once the store has written it. */
  text: string;
  reasoning: string;
  usage?: Usage;
  costUsd?: number;
  error?: ChatError;
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
  /** Before continuing a reply: the text its stream will follow. */
  expectContinuation(messageId: string, base: { text: string; reasoning: string }): void;
  apply(events: StreamEvent[]): string[];
  clear(messageId: string): void;
}

/** Streams whose end already arrived: a fast local reply can end before sendMessage returns. */
const endedStreams = new Set<string>();
/** Continued replies whose stream has not started yet, with the text they continue. */
const pendingBase = new Map<string, { text: string; reasoning: string }>();

function fresh(streamId: string, messageId: string): LiveReply {
  const base = pendingBase.get(messageId);
  pendingBase.delete(messageId);
  return { streamId, messageId, base: base?.text ?? '', baseReasoning: base?.reasoning ?? '', text: '', reasoning: '', done: false, startedAt: performance.now() };
}

export const useStreams = create<StreamsState>((set, get) => ({
  byMessage: {},
  messageOfStream: {},
  begin(streamId, messageId) {
    if (endedStreams.has(streamId)) return;
    set((s) => ({
      messageOfStream: { ...s.messageOfStream, [streamId]: messageId },
      byMessage: {
        ...s.byMessage,
        [messageId]: s.byMessage[messageId]?.streamId === streamId ? s.byMessage[messageId] : fresh(streamId, messageId),
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
        if (byMessage[e.messageId]?.streamId !== e.streamId) byMessage[e.messageId] = fresh(e.streamId, e.messageId);
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
        default: {
          const unreachable: never = e;
          throw new Error(`unknown stream event ${JSON.stringify(unreachable)}`);
        }
      }
    }
    set({ byMessage, messageOfStream });
    return ended;
  },
  expectContinuation(messageId, base) {
    pendingBase.set(messageId, base);
  },
  clear(messageId) {
    set((s) => {
      const byMessage = { ...s.byMessage };
      delete byMessage[messageId];
      return { byMessage };
    });
  },
}));
