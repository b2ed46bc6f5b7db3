// Pure helpers over a conversation's message tree (parentId links).
import type { Message } from './types';

export function indexChildren(messages: readonly Message[]): Map<string | null, Message[]> {
  const children = new Map<string | null, Message[]>();
  for (const m of messages) {
    const list = children.get(m.parentId);
    if (list) list.push(m);
    else children.set(m.parentId, [m]);
  }
  for (const list of children.values()) list.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
  return children;
}

/** Root → leaf. Falls back to the newest leaf when `leafId` is missing or unknown. */
export function pathTo(messages: readonly Message[], leafId: string | null): Message[] {
  const byId = new Map(messages.map((m) => [m.id, m]));
  let leaf = leafId ? byId.get(leafId) : undefined;
  if (!leaf) leaf = newestLeaf(messages);
  const path: Message[] = [];
  const seen = new Set<string>();
  for (let m = leaf; m && !seen.has(m.id); m = m.parentId ? byId.get(m.parentId) : undefined) {
    seen.add(m.id);
    path.push(m);
  }
  return path.reverse();
}

function newestLeaf(messages: readonly Message[]): Message | undefined {
  const parents = new Set(messages.map((m) => m.parentId));
  let best: Message | undefined;
  for (const m of messages) if (!parents.has(m.id) && (!best || m.createdAt >= best.createdAt)) best = m;
  return best;
}

/** The deepest descendant reached by always taking the newest child. */
export function deepestLeaf(messages: readonly Message[], fromId: string): string {
  const children = indexChildren(messages);
  let id = fromId;
  for (;;) {
    const next = children.get(id)?.at(-1);
    if (!next) return id;
    id = next.id;
  }
}
