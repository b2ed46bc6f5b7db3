// Invariants every imported tree must hold, whatever the source: unique ids, parents and
// the shown leaf inside the same conversation, no parent loops, and the total size limit.
// Returns the first violation as a sentence, or null.
import type { ConversationBundle, Message } from '../types';
import { IMPORT_LIMITS } from './limits';

export function verifyBundles(bundles: readonly ConversationBundle[]): string | null {
  const conversationIds = new Set<string>();
  const messageIds = new Set<string>();
  let total = 0;
  for (const [index, { conversation, messages }] of bundles.entries()) {
    const where = `conversations[${index}] (${quote(conversation.title)})`;
    if (conversationIds.has(conversation.id)) return `${where}: conversation id ${quote(conversation.id)} appears twice.`;
    conversationIds.add(conversation.id);
    total += messages.length;
    if (total > IMPORT_LIMITS.maxMessagesTotal) {
      return `The file holds more than ${IMPORT_LIMITS.maxMessagesTotal} messages; import it in parts.`;
    }
    const local = new Map<string, Message>();
    for (const m of messages) {
      if (messageIds.has(m.id)) return `${where}: message id ${quote(m.id)} appears twice.`;
      messageIds.add(m.id);
      local.set(m.id, m);
      if (m.conversationId !== conversation.id) {
        return `${where}: message ${quote(m.id)} names conversation ${quote(m.conversationId)}, not ${quote(conversation.id)}.`;
      }
    }
    const problem = treeProblem(local, conversation.currentLeafId);
    if (problem) return `${where}: ${problem}`;
  }
  return null;
}

function treeProblem(messages: Map<string, Message>, currentLeafId: string | null): string | null {
  for (const m of messages.values()) {
    if (m.parentId !== null && !messages.has(m.parentId)) {
      return `message ${quote(m.id)} answers message ${quote(m.parentId)}, which is not in this conversation.`;
    }
  }
  const loop = findLoop(messages);
  if (loop) return `messages form a loop through ${quote(loop)}.`;
  if (currentLeafId !== null && !messages.has(currentLeafId)) {
    return `the shown message ${quote(currentLeafId)} (currentLeafId) is not in this conversation.`;
  }
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

function quote(text: string): string {
  return JSON.stringify(text.length > 60 ? `${text.slice(0, 57)}...` : text);
}
