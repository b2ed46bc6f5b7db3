// Laying rows the engine sent (with a turn's stream events) over the ones on screen. Pure.
import type { Conversation, Message } from '../../shared/types';

/** Replaces rows by id and appends new ones, oldest first, as the engine lists a conversation. */
export function upsertMessages(current: readonly Message[], rows: readonly Message[]): Message[] {
  if (rows.length === 0) return current as Message[];
  const incoming = new Map(rows.map((m) => [m.id, m]));
  const next = current.map((m) => incoming.get(m.id) ?? m);
  const known = new Set(current.map((m) => m.id));
  for (const m of incoming.values()) if (!known.has(m.id)) next.push(m);
  return next;
}

/** The sidebar's order, as the engine lists it: pinned first, then the most recently updated. */
export function upsertConversation(list: readonly Conversation[], row: Conversation): Conversation[] {
  const next = [row, ...list.filter((c) => c.id !== row.id)];
  return next.sort((a, b) => Number(b.pinned) - Number(a.pinned) || b.updatedAt - a.updatedAt);
}
