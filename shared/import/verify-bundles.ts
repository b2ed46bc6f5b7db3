// Invariants every imported tree must hold, whatever the source: ids unique within the
// conversation, parents and the shown leaf inside it, and no parent loops. Ids only need to
// be unique per conversation: real ChatGPT exports reuse node ids across conversations, and
// the store gives a colliding id a fresh one on import.
import type { ConversationBundle, Message } from '../types';

/** The first violation in one conversation as a sentence, or null. */
export function verifyBundle({ conversation, messages }: ConversationBundle): string | null {
  const local = new Map<string, Message>();
  for (const m of messages) {
    if (local.has(m.id)) return `message id ${quote(m.id)} appears twice.`;
    local.set(m.id, m);
    if (m.conversationId !== conversation.id) {
      return `message ${quote(m.id)} names conversation ${quote(m.conversationId)}, not ${quote(conversation.id)}.`;
    }
  }
  for (const m of local.values()) {
    if (m.parentId !== null && !local.has(m.parentId)) {
      return `message ${quote(m.id)} answers message ${quote(m.parentId)}, which is not in this conversation.`;
    }
  }
  const loop = findLoop(local);
  if (loop) return `messages form a loop through ${quote(loop)}.`;
  const leaf = conversation.currentLeafId;
  if (leaf !== null && !local.has(leaf)) return `the shown message ${quote(leaf)} (currentLeafId) is not in this conversation.`;
  return null;
}

/** Id of a message on a parent loop, or null. Iterative; each message is walked once. */
function findLoop(messages: Map<string, Message>): string | null {
  const done = new Set<string>();
  for (const start of messages.keys()) {
    const onPath = new Set<string>();
    for (let id: string | null = start; id !== null && !done.has(id); id = messages.get(id)?.parentId ?? null) {
      if (onPath.has(id)) return id;
      onPath.add(id);
    }
    for (const id of onPath) done.add(id);
  }
  return null;
}

export function quote(text: string): string {
  return JSON.stringify(text.length > 60 ? `${text.slice(0, 57)}...` : text);
}
