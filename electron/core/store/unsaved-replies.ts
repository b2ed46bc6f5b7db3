// Replies the disk could not take yet. Their streamed text stays in the append buffer and their
// final status here; reads overlay both, so what the user saw stays on screen (and in exports to
// another disk) until a retry writes it.
import type { Message } from '../../../shared/types';
import type { AppendBuffer } from './append-buffer';
import type { MessageFinish } from './messages';

export interface UnsavedReplies {
  keepFinish(id: string, patch: MessageFinish): void;
  /** Finishes still to write, oldest first. */
  finishes(): Array<[string, MessageFinish]>;
  written(id: string): void;
  /** The message as the user saw it: stored text plus what is still only in memory. */
  overlay(message: Message): Message;
  count(): number;
}

export function createUnsavedReplies(buffer: AppendBuffer): UnsavedReplies {
  const finishes = new Map<string, MessageFinish>();
  return {
    keepFinish: (id, patch) => void finishes.set(id, patch),
    finishes: () => [...finishes],
    written: (id) => void finishes.delete(id),
    overlay(message) {
      const pending = buffer.peek(message.id);
      const finish = finishes.get(message.id);
      if (!pending && !finish) return message;
      const next: Message = { ...message };
      if (pending?.text) next.content = message.content + pending.text;
      if (pending?.reasoning) next.reasoning = (message.reasoning ?? '') + pending.reasoning;
      if (finish) {
        next.status = finish.status;
        if (finish.error) next.error = finish.error;
        if (finish.content !== undefined) next.content = finish.content;
      }
      return next;
    },
    count: () => finishes.size,
  };
}
