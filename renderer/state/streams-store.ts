// Live text of replies being streamed, keyed by message id. Only the message that is streaming
// subscribes to its own entry, so a token re-renders one message and nothing else.
import { create } from 'zustand';
import type { AnsweringModel, ChatError, StreamEvent, Usage } from '../../shared/types';

export interface LiveReply {
  streamId: string;
  messageId: string;
  /**
   * What the message already said when this stream began (a continued reply): the streamed text
   * follows it. Fixed at the start, because the stored message is re-read while it streams and by
   * then already holds part of the streamed text.
   */
  prefix: string;
  text: string;
  /** Reasoning the message already had when this stream began, like `prefix`. */
  reasoningPrefix: string;
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
  begin(streamId: string, messageId: string, prefix?: { text: string; reasoning: string }): void;
  apply(events: StreamEvent[]): string[];
  clear(messageId: string): void;
  /** Stop pressed: the reply stops growing now, before the engine confirms (within one frame). */
  halt(streamId: string): void;
}

/** Streams whose end already arrived: a fast local reply can end before sendMessage returns. */
const endedStreams = new Set<string>();
/** Streams the user stopped: text still in flight from the engine is not shown. */
const haltedStreams = new Set<string>();

const newLive = (streamId: string, messageId: string): LiveReply => ({
  streamId, messageId, prefix: '', text: '', reasoningPrefix: '', reasoning: '', done: false, startedAt: performance.now(),
});

export const useStreams = create<StreamsState>((set, get) => ({
  byMessage: {},
  messageOfStream: {},
  begin(streamId, messageId, prefix = { text: '', reasoning: '' }) {
    if (endedStreams.has(streamId)) return;
    set((s) => {
      const live = s.byMessage[messageId] ?? newLive(streamId, messageId);
      return {
        messageOfStream: { ...s.messageOfStream, [streamId]: messageId },
        byMessage: { ...s.byMessage, [messageId]: { ...live, prefix: prefix.text, reasoningPrefix: prefix.reasoning } },
      };
    });
  },
  /** Applies a batch; returns the ids of streams that ended in it. */
  apply(events) {
    const ended: string[] = [];
    const byMessage = { ...get().byMessage };
    const messageOfStream = { ...get().messageOfStream };
    for (const e of events) {
      if (e.kind === 'start') {
        messageOfStream[e.streamId] = e.messageId;
        byMessage[e.messageId] ??= newLive(e.streamId, e.messageId);
        continue;
      }
      if (e.kind === 'finish' || e.kind === 'error') endedStreams.add(e.streamId);
      const messageId = messageOfStream[e.streamId];
      const live = messageId ? byMessage[messageId] : undefined;
      if (!messageId || !live) continue;
      if ((e.kind === 'text-delta' || e.kind === 'reasoning-delta') && haltedStreams.has(e.streamId)) continue;
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
  halt(streamId) {
    haltedStreams.add(streamId);
  },
  clear(messageId) {
    set((s) => {
      const byMessage = { ...s.byMessage };
      delete byMessage[messageId];
      return { byMessage };
    });
  },
}));

/**
 * What a message shows: while it streams, what it began with plus what streamed since — never
 * the stored copy, which the engine updates as it persists and would repeat the streamed text.
 */
export function shownMessage(
  stored: { content: string; reasoning?: string },
  live: LiveReply | undefined,
): { text: string; reasoning: string } {
  if (!live) return { text: stored.content, reasoning: stored.reasoning ?? '' };
  return { text: live.prefix + live.text, reasoning: live.reasoningPrefix + live.reasoning };
}
