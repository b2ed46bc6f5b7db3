// A conversation's model is the one its latest reply came from: reopening it restores that model,
// and moving it from a local model to a remote one is a choice the user confirms once.
import type { ConnectionView, Message, ModelRef } from '../../shared/types';
import { pathTo } from '../../shared/tree';

/** The model of the newest reply on the branch shown, else of the newest reply anywhere. */
export function lastUsedModel(messages: readonly Message[], leafId: string | null): ModelRef | undefined {
  const fromBranch = [...pathTo(messages, leafId)].reverse().find((m) => m.role === 'assistant' && m.model);
  const newest = fromBranch ?? [...messages].filter((m) => m.role === 'assistant' && m.model).sort((a, b) => b.createdAt - a.createdAt)[0];
  return newest?.model ? { connectionId: newest.model.connectionId, modelId: newest.model.modelId } : undefined;
}

/** Conversations whose move from local to remote the user has already confirmed (this session). */
const confirmedRemote = new Set<string>();

export function confirmRemote(conversationId: string): void {
  confirmedRemote.add(conversationId);
}

/** The local connection a conversation has used so far, when choosing `next` would take it remote. */
export function remoteSwitchNeedsConfirm(input: {
  conversationId: string | undefined;
  lastUsed: ModelRef | undefined;
  next: ModelRef;
  connections: readonly ConnectionView[];
}): boolean {
  const { conversationId, lastUsed, next, connections } = input;
  if (!conversationId || !lastUsed || confirmedRemote.has(conversationId)) return false;
  const before = connections.find((c) => c.id === lastUsed.connectionId);
  const after = connections.find((c) => c.id === next.connectionId);
  return !!before?.local && !!after && !after.local;
}
