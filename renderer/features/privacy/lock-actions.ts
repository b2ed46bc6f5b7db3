// Locking the open conversation to local models, and picking a local model to go with it.
import { call } from '../../bridge/api';
import { useConnections } from '../../state/connections-store';
import { useConversations } from '../../state/conversations-store';

/** The first model of the first local connection that has one. */
export function firstLocalModel(): { connectionId: string; modelId: string } | undefined {
  const { connections, models } = useConnections.getState();
  for (const c of connections) {
    const first = c.local ? models[c.id]?.models[0] : undefined;
    if (first) return { connectionId: c.id, modelId: first.id };
  }
  return undefined;
}

/** The first model of the built-in engine, if one is installed. */
export function firstBuiltinModel(): { ref: { connectionId: string; modelId: string }; name: string } | undefined {
  const { connections, models } = useConnections.getState();
  for (const c of connections) {
    const first = c.kind === 'builtin' ? models[c.id]?.models[0] : undefined;
    if (first) return { ref: { connectionId: c.id, modelId: first.id }, name: first.label ?? first.id };
  }
  return undefined;
}

/** Sets the lock on the open conversation, creating one when none is open yet. */
export async function setLocalOnly(localOnly: boolean): Promise<void> {
  const conversations = useConversations.getState();
  if (conversations.activeId) {
    await call('updateConversation', { id: conversations.activeId, localOnly });
    await conversations.refresh();
    return;
  }
  const created = await call('createConversation', { localOnly });
  await conversations.loadList();
  await conversations.open(created.id);
}

/**
 * Locks the conversation and moves the picker to a local model if a remote one was chosen.
 * Returns false when there is no local model to move to (the lock is set anyway).
 */
export async function lockToLocal(): Promise<boolean> {
  await setLocalOnly(true);
  const { model, setModel } = useConversations.getState();
  const current = useConnections.getState().connections.find((c) => c.id === model?.connectionId);
  if (current?.local) return true;
  const local = firstLocalModel();
  if (local) setModel(local);
  return local !== undefined;
}
