// One ChatGPT conversation (an item of conversations.json) → a bundle. Walks the mapping from
// its roots. User and assistant text addressed to the conversation become messages; hidden
// nodes are dropped; tool calls, tool output and "thoughts" fold, in order, into the
// reasoning of the next reply, so they stay readable but collapsed. A turn that only used
// tools gets a short reply of its own that says so. Children of dropped nodes re-attach to
// the nearest kept ancestor.
import type { ConversationBundle, Message } from '../types';
import { pathTo } from '../tree';
import type { ChatGptConversation, ChatGptMessage } from './chatgpt-schema';
import { classifyChatGpt } from './chatgpt-content';
import { mappingTree } from './chatgpt-tree';
import { isBadSeconds, msFromSeconds } from './times';
import { importedTitle } from './title';
import { plural, type Warnings } from './warnings';

/** Imported assistant messages name this pseudo-connection; there is no key behind it. */
export const CHATGPT_CONNECTION = { connectionId: 'import:chatgpt', connectionName: 'ChatGPT', kind: 'openai' } as const;

/** The reply text of a turn that only called tools (the steps are in its reasoning). */
export const TOOLS_ONLY_REPLY = '[This reply only used tools; its steps are under reasoning.]';

interface Tally {
  images: number;
  otherParts: number;
  toolSteps: number;
  hidden: number;
  unknownTypes: Set<string>;
  badTimes: number;
}

/** Steps waiting for the reply below them. */
interface Pending {
  steps: string[];
  /** Placeholders for what the user saw from a tool (a generated image). */
  shown: string[];
  lastNodeId: string;
  time: number | null;
  /** The model that made the tool calls, for a reply made of steps only. */
  modelSlug: string | null;
}

interface Visit {
  nodeId: string;
  parentId: string | null;
  parentTime: number | null;
  pending: Pending | null;
}

export function fromChatGptConversation(c: ChatGptConversation, warnings: Warnings): { bundle: ConversationBundle; badTimes: number; label: string } {
  const id = c.id ?? c.conversation_id ?? '';
  const created = msFromSeconds(c.create_time);
  const tally: Tally = { images: 0, otherParts: 0, toolSteps: 0, hidden: 0, unknownTypes: new Set(), badTimes: 0 };
  if (isBadSeconds(c.create_time)) tally.badTimes++;
  if (isBadSeconds(c.update_time)) tally.badTimes++;
  const messages: Message[] = [];
  const keptSelfOrAncestor = new Map<string, string | null>();
  const tree = mappingTree(c.mapping);
  // One tools-only reply per pending run of steps, even when several branches continue from it.
  const replies = new Map<string, Message>();
  const replyFor = (pending: Pending, parentId: string | null) => {
    let reply = replies.get(pending.lastNodeId);
    if (!reply) {
      reply = toolsOnlyReply(pending, parentId, id);
      replies.set(pending.lastNodeId, reply);
      messages.push(reply);
    }
    return reply;
  };
  const stack: Visit[] = [...tree.roots].reverse().map((nodeId) => ({ nodeId, parentId: null, parentTime: created, pending: null }));
  for (let visit = stack.pop(); visit; visit = stack.pop()) {
    const children = tree.childrenOf(visit.nodeId);
    const step = convertNode(c.mapping[visit.nodeId]?.message, visit, id, tally, replyFor);
    let kept = step.message;
    if (kept) messages.push(kept);
    else if (children.length === 0 && step.pending) kept = replyFor(step.pending, visit.parentId);
    const keptId = kept ? kept.id : visit.parentId;
    keptSelfOrAncestor.set(visit.nodeId, keptId);
    for (let i = children.length - 1; i >= 0; i--) {
      stack.push({
        nodeId: children[i] as string,
        parentId: keptId,
        parentTime: kept ? kept.createdAt : visit.parentTime,
        pending: kept ? null : step.pending,
      });
    }
  }
  const title = importedTitle(c.title, messages);
  const label = `ChatGPT conversation "${title}"`;
  reportTally(label, tally, Object.keys(c.mapping).length - keptSelfOrAncestor.size, warnings);
  const createdAt = created ?? messages.reduce((min, m) => Math.min(min, m.createdAt), messages[0]?.createdAt ?? 0);
  const resolved = c.current_node ? keptSelfOrAncestor.get(c.current_node) : undefined;
  if (c.current_node && resolved === undefined) warnings.add(`${label}: its current message is missing; showing the newest branch.`);
  const bundle: ConversationBundle = {
    conversation: {
      id,
      title,
      createdAt,
      updatedAt: msFromSeconds(c.update_time) ?? messages.reduce((max, m) => Math.max(max, m.updatedAt), createdAt),
      pinned: false,
      localOnly: false,
      currentLeafId: resolved !== undefined ? resolved : (pathTo(messages, null).at(-1)?.id ?? null),
    },
    messages,
  };
  return { bundle, badTimes: tally.badTimes, label };
}

function convertNode(
  source: ChatGptMessage | null | undefined,
  visit: Visit,
  conversationId: string,
  tally: Tally,
  replyFor: (pending: Pending, parentId: string | null) => Message,
): { message: Message | null; pending: Pending | null } {
  const pass = { message: null, pending: visit.pending };
  if (!source) return pass;
  if (isBadSeconds(source.create_time)) tally.badTimes++;
  const part = classifyChatGpt(source);
  const time = msFromSeconds(source.create_time);
  switch (part.kind) {
    case 'skip':
      if (part.reason === 'hidden') tally.hidden++;
      if (part.reason === 'unknown') tally.unknownTypes.add(source.content.content_type);
      return pass;
    case 'reasoning':
    case 'tool': {
      if (part.kind === 'tool') tally.toolSteps++;
      tally.images += part.kind === 'tool' ? part.images : 0;
      const shown = part.kind === 'tool' ? Array.from({ length: part.images }, () => '[image]') : [];
      const before = visit.pending;
      const pending: Pending = {
        steps: [...(before?.steps ?? []), part.text],
        shown: [...(before?.shown ?? []), ...shown],
        lastNodeId: visit.nodeId,
        time: time ?? before?.time ?? null,
        modelSlug: source.metadata?.model_slug ?? before?.modelSlug ?? null,
      };
      return { message: null, pending };
    }
    case 'text':
      break;
    default: {
      const unreachable: never = part;
      return unreachable;
    }
  }
  tally.images += part.images;
  tally.otherParts += part.otherParts;
  const role = source.author.role === 'user' ? 'user' : 'assistant';
  const pending = visit.pending;
  // Steps with no reply of their own (the user spoke next): they still get a reply bubble.
  const parentId = role === 'user' && pending ? replyFor(pending, visit.parentId).id : visit.parentId;
  const createdAt = time ?? pending?.time ?? visit.parentTime ?? 0;
  const slug = source.metadata?.model_slug;
  const useSteps = role === 'assistant' && pending;
  const message: Message = {
    id: visit.nodeId,
    conversationId,
    parentId,
    role,
    content: useSteps ? [...pending.shown, part.text].join('\n\n') : part.text,
    ...(useSteps ? { reasoning: pending.steps.join('\n\n') } : {}),
    ...(role === 'assistant' && slug ? { model: { ...CHATGPT_CONNECTION, modelId: slug } } : {}),
    status: 'complete',
    createdAt,
    updatedAt: msFromSeconds(source.update_time) ?? createdAt,
  };
  return { message, pending: null };
}

function toolsOnlyReply(pending: Pending, parentId: string | null, conversationId: string): Message {
  const time = pending.time ?? 0;
  return {
    id: pending.lastNodeId,
    conversationId,
    parentId,
    role: 'assistant',
    content: pending.shown.length > 0 ? pending.shown.join('\n\n') : TOOLS_ONLY_REPLY,
    reasoning: pending.steps.join('\n\n'),
    ...(pending.modelSlug ? { model: { ...CHATGPT_CONNECTION, modelId: pending.modelSlug } } : {}),
    status: 'complete',
    createdAt: time,
    updatedAt: time,
  };
}

function reportTally(where: string, tally: Tally, unreachable: number, warnings: Warnings): void {
  if (tally.images > 0) {
    warnings.add(`${where}: ${plural(tally.images, 'image')} replaced by "[image]" (images are not inside conversations.json).`);
  }
  if (tally.otherParts > 0) warnings.add(`${where}: ${plural(tally.otherParts, 'attachment')} replaced by a placeholder.`);
  if (tally.toolSteps > 0) {
    warnings.add(`${where}: ${plural(tally.toolSteps, 'tool step')} (code, browsing, image requests) kept under the reasoning of the reply.`);
  }
  if (tally.unknownTypes.size > 0) {
    warnings.add(`${where}: skipped messages of unsupported type ${[...tally.unknownTypes].join(', ')}.`);
  }
  if (unreachable > 0) {
    warnings.add(`${where}: skipped ${plural(unreachable, 'message')} not connected to the conversation (a parent loop).`);
  }
}
