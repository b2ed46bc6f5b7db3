// ChatGPT conversations.json → bundles. Walks each mapping from its roots, keeping user and
// assistant messages; null roots, system, hidden and tool nodes are skipped and their
// children re-parented to the nearest kept ancestor. "thoughts" nodes become the
// reasoning of the assistant reply that follows them.
import type { ConversationBundle, Message } from '../types';
import { pathTo } from '../tree';
import type { ChatGptConversation, ChatGptMessage } from './chatgpt-schema';
import { chatGptText } from './chatgpt-content';
import { mappingTree } from './chatgpt-tree';
import { importedTitle } from './title';
import { plural, type Warnings } from './warnings';

/** Imported assistant messages name this pseudo-connection; there is no key behind it. */
export const CHATGPT_CONNECTION = { connectionId: 'import:chatgpt', connectionName: 'ChatGPT', kind: 'openai' } as const;

interface Tally {
  images: number;
  otherParts: number;
  tools: number;
  unknownTypes: Set<string>;
}

interface Visit {
  nodeId: string;
  parentId: string | null;
  parentTime: number | null;
  /** Reasoning from "thoughts" nodes waiting for the assistant reply below them. */
  reasoning: string;
}

export function fromChatGpt(conversations: readonly ChatGptConversation[], warnings: Warnings): ConversationBundle[] {
  return conversations.map((c) => convertConversation(c, warnings));
}

function convertConversation(c: ChatGptConversation, warnings: Warnings): ConversationBundle {
  const id = c.id ?? c.conversation_id ?? '';
  const created = msFromSeconds(c.create_time);
  const tally: Tally = { images: 0, otherParts: 0, tools: 0, unknownTypes: new Set() };
  const messages: Message[] = [];
  const keptSelfOrAncestor = new Map<string, string | null>();
  const tree = mappingTree(c.mapping);
  const stack: Visit[] = [...tree.roots].reverse().map((nodeId) => ({ nodeId, parentId: null, parentTime: created, reasoning: '' }));
  for (let visit = stack.pop(); visit; visit = stack.pop()) {
    const node = c.mapping[visit.nodeId];
    const step = convertNode(node?.message, visit, id, tally);
    const message = step.message;
    if (message) messages.push(message);
    keptSelfOrAncestor.set(visit.nodeId, message ? message.id : visit.parentId);
    const children = tree.childrenOf(visit.nodeId);
    for (let i = children.length - 1; i >= 0; i--) {
      stack.push({
        nodeId: children[i] as string,
        parentId: message ? message.id : visit.parentId,
        parentTime: message ? message.createdAt : visit.parentTime,
        reasoning: step.carry,
      });
    }
  }
  const title = importedTitle(c.title, messages);
  reportTally(title, tally, Object.keys(c.mapping).length - keptSelfOrAncestor.size, warnings);
  const createdAt = created ?? messages.reduce((min, m) => Math.min(min, m.createdAt), messages[0]?.createdAt ?? 0);
  const resolved = c.current_node ? keptSelfOrAncestor.get(c.current_node) : undefined;
  if (c.current_node && resolved === undefined) {
    warnings.add(`ChatGPT conversation "${title}": its current message is missing; showing the newest branch.`);
  }
  return {
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
}

function convertNode(
  source: ChatGptMessage | null | undefined,
  visit: Visit,
  conversationId: string,
  tally: Tally,
): { message: Message | null; carry: string } {
  const skip = { message: null, carry: visit.reasoning };
  if (!source || source.metadata?.is_visually_hidden_from_conversation) return skip;
  const role = source.author.role;
  if (role === 'system') return skip;
  if (role !== 'user' && role !== 'assistant') {
    tally.tools++;
    return skip;
  }
  const text = chatGptText(source.content);
  if (text.kind === 'reasoning') {
    return { message: null, carry: [visit.reasoning, text.text].filter(Boolean).join('\n\n') };
  }
  if (text.kind === 'skip') {
    if (!text.known) tally.unknownTypes.add(source.content.content_type);
    return skip;
  }
  if (text.text.trim() === '') return skip;
  tally.images += text.images;
  tally.otherParts += text.otherParts;
  const createdAt = msFromSeconds(source.create_time) ?? visit.parentTime ?? 0;
  const slug = source.metadata?.model_slug;
  const message: Message = {
    id: visit.nodeId,
    conversationId,
    parentId: visit.parentId,
    role,
    content: text.text,
    ...(role === 'assistant' && visit.reasoning ? { reasoning: visit.reasoning } : {}),
    ...(role === 'assistant' && slug ? { model: { ...CHATGPT_CONNECTION, modelId: slug } } : {}),
    status: 'complete',
    createdAt,
    updatedAt: msFromSeconds(source.update_time) ?? createdAt,
  };
  return { message, carry: '' };
}

function reportTally(title: string, tally: Tally, unreachable: number, warnings: Warnings): void {
  const where = `ChatGPT conversation "${title}"`;
  if (tally.images > 0) {
    warnings.add(`${where}: ${plural(tally.images, 'image')} replaced by "[image]" (images are not inside conversations.json).`);
  }
  if (tally.otherParts > 0) warnings.add(`${where}: ${plural(tally.otherParts, 'attachment')} replaced by a placeholder.`);
  if (tally.tools > 0) warnings.add(`${where}: skipped ${plural(tally.tools, 'tool message')} (browsing, code output, plugins).`);
  if (tally.unknownTypes.size > 0) {
    warnings.add(`${where}: skipped messages of unsupported type ${[...tally.unknownTypes].join(', ')}.`);
  }
  if (unreachable > 0) {
    warnings.add(`${where}: skipped ${plural(unreachable, 'message')} not connected to the conversation (a parent loop).`);
  }
}

function msFromSeconds(seconds: number | null | undefined): number | null {
  return typeof seconds === 'number' ? Math.round(seconds * 1000) : null;
}
