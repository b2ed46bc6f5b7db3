// One Claude conversation (an item of conversations.json) → a bundle. The export's own
// ordering decides the order (`index` where present, else `created_at`), never the array
// position: older exports list an answer before its question. Messages are linear in that
// order unless they carry parent_message_uuid; content[] text blocks win over the legacy
// `text` field, thinking blocks become reasoning, and attachments with extracted text come
// along as text files.
import type { Attachment, ConversationBundle, Message } from '../types';
import { deepestLeaf } from '../tree';
import type { ClaudeConversation, ClaudeMessage } from './claude-schema';
import { importedTitle } from './title';
import { plural, type Warnings } from './warnings';

/** Claude marks "no parent" with this sentinel instead of null. */
const ROOT_PARENT = '00000000-0000-4000-8000-000000000000';

interface Tally {
  toolBlocks: number;
  files: number;
  missingParents: number;
}

export function fromClaudeConversation(c: ClaudeConversation, warnings: Warnings): { bundle: ConversationBundle; label: string } {
  const ordered = inExportOrder(c.chat_messages);
  const ids = new Set(ordered.map((m) => m.uuid));
  const tally: Tally = { toolBlocks: 0, files: 0, missingParents: 0 };
  const messages = ordered.map((m, i) => convertMessage(m, c.uuid, parentOf(m, ordered[i - 1], ids, tally), tally));
  const title = importedTitle(c.name, messages);
  reportTally(title, tally, warnings);
  const createdAt = Date.parse(c.created_at);
  const last = messages.at(-1);
  const leaf = c.current_leaf_message_uuid && ids.has(c.current_leaf_message_uuid) ? c.current_leaf_message_uuid : undefined;
  const bundle: ConversationBundle = {
    conversation: {
      id: c.uuid,
      title,
      createdAt,
      updatedAt: c.updated_at ? Date.parse(c.updated_at) : createdAt,
      pinned: false,
      localOnly: false,
      currentLeafId: leaf ?? (last ? deepestLeaf(messages, last.id) : null),
    },
    messages,
  };
  return { bundle, label: `Claude conversation "${title}"` };
}

/** By `index` when every message has one, else by `created_at`; ties keep the array order. */
function inExportOrder(list: readonly ClaudeMessage[]): ClaudeMessage[] {
  const byIndex = list.every((m) => typeof m.index === 'number');
  const key = (m: ClaudeMessage) => (byIndex ? (m.index as number) : Date.parse(m.created_at));
  return list
    .map((m, position) => ({ m, position, key: key(m) }))
    .sort((a, b) => a.key - b.key || a.position - b.position)
    .map(({ m }) => m);
}

function parentOf(m: ClaudeMessage, previous: ClaudeMessage | undefined, ids: Set<string>, tally: Tally): string | null {
  const parent = m.parent_message_uuid;
  if (parent === undefined || parent === null) return previous?.uuid ?? null;
  if (parent === ROOT_PARENT) return null;
  if (parent !== m.uuid && ids.has(parent)) return parent;
  tally.missingParents++;
  return null;
}

function convertMessage(m: ClaudeMessage, conversationId: string, parentId: string | null, tally: Tally): Message {
  const blocks = m.content ?? [];
  const texts = blocks.flatMap((b) => (b.type === 'text' && typeof b.text === 'string' ? [b.text] : []));
  const thinking = blocks.flatMap((b) => (b.type === 'thinking' && b.thinking ? [b.thinking] : []));
  tally.toolBlocks += blocks.filter((b) => b.type !== 'text' && b.type !== 'thinking').length;
  const placeholders = (m.files ?? []).map((f) => `[file: ${f.file_name ?? 'unnamed'}]`);
  tally.files += placeholders.length;
  const attachments: Attachment[] = [];
  (m.attachments ?? []).forEach((a, i) => {
    const name = a.file_name ?? `attachment ${i + 1}`;
    if (typeof a.extracted_content !== 'string') {
      placeholders.push(`[file: ${name}]`);
      tally.files++;
      return;
    }
    attachments.push({
      id: `${m.uuid}:${i + 1}`,
      name,
      mimeType: a.file_type?.includes('/') ? a.file_type : 'text/plain',
      size: a.file_size ?? new TextEncoder().encode(a.extracted_content).length,
      data: a.extracted_content,
      kind: 'text',
    });
  });
  const text = texts.length > 0 ? texts.join('\n\n') : (m.text ?? '');
  const createdAt = Date.parse(m.created_at);
  return {
    id: m.uuid,
    conversationId,
    parentId,
    role: m.sender === 'human' ? 'user' : 'assistant',
    content: [text, ...placeholders].filter((s) => s !== '').join('\n\n'),
    ...(thinking.length > 0 ? { reasoning: thinking.join('\n\n') } : {}),
    status: 'complete',
    ...(attachments.length > 0 ? { attachments } : {}),
    createdAt,
    updatedAt: m.updated_at ? Date.parse(m.updated_at) : createdAt,
  };
}

function reportTally(title: string, tally: Tally, warnings: Warnings): void {
  const where = `Claude conversation "${title}"`;
  if (tally.files > 0) {
    warnings.add(`${where}: ${plural(tally.files, 'file')} without text content replaced by "[file: name]".`);
  }
  if (tally.toolBlocks > 0) warnings.add(`${where}: skipped ${plural(tally.toolBlocks, 'tool block')}.`);
  if (tally.missingParents > 0) {
    warnings.add(`${where}: ${plural(tally.missingParents, 'message')} pointed at a missing parent and now start a branch.`);
  }
}
