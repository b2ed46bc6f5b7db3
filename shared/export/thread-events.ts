// Flattens a conversation's message tree into the reading order shared by the Markdown and
// HTML exporters: messages, with "branch-start" / "branch-end" around each alternative
// wherever a message has more than one child. Iterative, so a pathologically deep tree
// cannot overflow the stack.
import type { ConversationBundle, Message } from '../types';
import { indexChildren, pathTo } from '../tree';
import type { BranchMode } from './export-options';

export type ThreadEvent =
  | { kind: 'message'; message: Message }
  | {
      kind: 'branch-start';
      /** Dotted position in the tree: "2" is the second alternative, "2.1" the first fork inside it. */
      label: string;
      index: number;
      count: number;
      /** True when this branch holds the conversation's shown leaf. */
      current: boolean;
      /** The message this branch answers; null when the branches are alternative first messages. */
      after: Message | null;
    }
  | { kind: 'branch-end' };

type Work = { kind: 'run'; siblings: Message[]; after: Message | null; label: string } | { kind: 'emit'; event: ThreadEvent };

export function threadEvents(bundle: ConversationBundle, mode: BranchMode): ThreadEvent[] {
  const shown = currentBranch(bundle);
  if (mode === 'current') return shown.map((message) => ({ kind: 'message', message }));

  const onCurrent = new Set(shown.map((m) => m.id));
  const children = indexChildren(bundle.messages);
  const events: ThreadEvent[] = [];
  const stack: Work[] = [{ kind: 'run', siblings: roots(bundle.messages), after: null, label: '' }];
  for (let work = stack.pop(); work; work = stack.pop()) {
    if (work.kind === 'emit') {
      events.push(work.event);
      continue;
    }
    let { siblings, after } = work;
    for (let only = single(siblings); only; only = single(siblings)) {
      events.push({ kind: 'message', message: only });
      after = only;
      siblings = children.get(only.id) ?? [];
    }
    for (let i = siblings.length - 1; i >= 0; i--) {
      const sibling = siblings[i] as Message;
      const label = work.label ? `${work.label}.${i + 1}` : `${i + 1}`;
      const start: ThreadEvent = {
        kind: 'branch-start',
        label,
        index: i + 1,
        count: siblings.length,
        current: onCurrent.has(sibling.id),
        after,
      };
      stack.push({ kind: 'emit', event: { kind: 'branch-end' } });
      stack.push({ kind: 'run', siblings: [sibling], after, label });
      stack.push({ kind: 'emit', event: start });
    }
  }
  return events;
}

/** Root → shown leaf. */
export function currentBranch(bundle: ConversationBundle): Message[] {
  return bundle.messages.length === 0 ? [] : pathTo(bundle.messages, bundle.conversation.currentLeafId);
}

function single(siblings: Message[]): Message | undefined {
  return siblings.length === 1 ? siblings[0] : undefined;
}

/** Messages without a parent, plus orphans whose parent is missing from the bundle. */
function roots(messages: readonly Message[]): Message[] {
  const ids = new Set(messages.map((m) => m.id));
  const isOrphan = (m: Message) => m.parentId !== null && !ids.has(m.parentId);
  if (!messages.some(isOrphan)) return indexChildren(messages).get(null) ?? [];
  const asRoots = messages.map((m) => (isOrphan(m) ? { ...m, parentId: null } : m));
  return indexChildren(asRoots).get(null) ?? [];
}
