// Live text of replies being streamed, keyed by message id. Only the message that is streaming
// subscribes to its own entry, so a token re-renders one message and nothing else. An entry lives
// from its stream's `start` event to the saved row its `finish`/`error` event carries
// (stream-events.ts swaps one for the other), so nothing here outlives its stream.
import { create } from 'zustand';
import type { AnsweringModel, ChatError, Message, StreamEvent, Usage } from '../../shared/types';

export interface LiveReply {
  streamId: string;
  messageId: string;
  /** What the message already said when this stream began (a continued reply): the streamed text follows it. */
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
  /** performance.now() when the start event arrived: how long the wait for a first token has been. */
  startedAt: number;
  /** The engine's clock (ms since it started the turn): the first token, and the latest text. */
  firstTokenMs?: number;
  lastTokenMs?: number;
  /** The engine's total, once the stream ended. */
  totalMs?: number;
}

/** A stream that ended in this batch, with the row the engine saved (absent if the disk refused it). */
export interface EndedStream {
  streamId: string;
  messageId: string;
  saved?: Message;
}

interface StreamsState {
  byMessage: Record<string, LiveReply>;
  messageOfStream: Record<string, string>;
  /** Applies a batch; returns the streams that ended in it. */
  apply(events: StreamEvent[]): EndedStream[];
  /** The saved row replaced the live copy: forget the stream. */
  clear(messageId: string): void;
  /** Stop pressed: the reply stops growing now, before the engine confirms (within one frame). */
  halt(streamId: string): void;
  /** The app locked: nothing of a reply stays in memory. */
  reset(): void;
}

/** Streams the user stopped and whose end has not arrived yet: text still in flight is not shown. */
const haltedStreams = new Set<string>();

const liveFrom = (streamId: string, row: Message | undefined, messageId: string): LiveReply => ({
  streamId,
  messageId,
  prefix: row?.content ?? '',
  text: '',
  reasoningPrefix: row?.reasoning ?? '',
  reasoning: '',
  done: false,
  startedAt: performance.now(),
});

export const useStreams = create<StreamsState>((set, get) => ({
  byMessage: {},
  messageOfStream: {},
  apply(events) {
    const ended: EndedStream[] = [];
    const byMessage = { ...get().byMessage };
    const messageOfStream = { ...get().messageOfStream };
    for (const e of events) {
      if (e.kind === 'start') {
        messageOfStream[e.streamId] = e.messageId;
        // The reply row as the engine wrote it at the start: a continued reply's text so far.
        byMessage[e.messageId] = liveFrom(
          e.streamId,
          e.rows.messages.find((m) => m.id === e.messageId),
          e.messageId,
        );
        continue;
      }
      const messageId = messageOfStream[e.streamId];
      const live = messageId ? byMessage[messageId] : undefined;
      if (!messageId || !live) continue;
      const halted = haltedStreams.has(e.streamId);
      switch (e.kind) {
        case 'text-delta':
          if (!halted) byMessage[messageId] = { ...live, text: live.text + e.text, lastTokenMs: e.atMs };
          break;
        case 'reasoning-delta':
          if (!halted) byMessage[messageId] = { ...live, reasoning: live.reasoning + e.text, lastTokenMs: e.atMs };
          break;
        case 'first-token':
          byMessage[messageId] = { ...live, firstTokenMs: e.firstTokenMs };
          break;
        case 'usage':
          byMessage[messageId] = { ...live, usage: e.usage, costUsd: e.costUsd };
          break;
        case 'error':
          byMessage[messageId] = { ...live, error: e.error, done: true };
          ended.push({ streamId: e.streamId, messageId, ...(e.message ? { saved: e.message } : {}) });
          break;
        case 'finish':
          byMessage[messageId] = { ...live, done: true, totalMs: e.timing.totalMs };
          ended.push({ streamId: e.streamId, messageId, ...(e.message ? { saved: e.message } : {}) });
          break;
        case 'failover':
          byMessage[messageId] = { ...live, model: e.next };
          break;
        default: {
          const unreachable: never = e;
          throw new Error(`unknown stream event ${JSON.stringify(unreachable)}`);
        }
      }
      if (e.kind === 'finish' || e.kind === 'error') {
        haltedStreams.delete(e.streamId);
        delete messageOfStream[e.streamId];
      }
    }
    set({ byMessage, messageOfStream });
    return ended;
  },
  halt(streamId) {
    if (get().messageOfStream[streamId]) haltedStreams.add(streamId);
  },
  clear(messageId) {
    set((s) => {
      const byMessage = { ...s.byMessage };
      delete byMessage[messageId];
      return { byMessage };
    });
  },
  reset() {
    haltedStreams.clear();
    set({ byMessage: {}, messageOfStream: {} });
  },
}));

/**
 * What a message shows: while it streams, what it began with plus what streamed since — never
 * the stored copy, which is the row as it was when the stream started.
 */
export function shownMessage(stored: { content: string; reasoning?: string }, live: LiveReply | undefined): { text: string; reasoning: string } {
  if (!live) return { text: stored.content, reasoning: stored.reasoning ?? '' };
  return { text: live.prefix + live.text, reasoning: live.reasoningPrefix + live.reasoning };
}
