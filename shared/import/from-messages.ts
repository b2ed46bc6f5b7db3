// One generic `messages[]` transcript → a bundle. system → the system prompt; user and
// assistant → messages; tool/function messages and assistant tool_calls → steps under the
// reasoning of the next reply. Ids are made up (these files carry none): the store gives a
// fresh id to any that is already taken.
import type { ConversationBundle } from '../types';
import { linearMessages, type TranscriptEntry } from './linear-transcript';
import { IMPORT_LIMITS } from './limits';
import type { MessagesConversation, MessagesMessage } from './messages-schema';
import { msFromLooseTime } from './times';
import { importedTitle } from './title';
import { plural, type Warnings } from './warnings';

export const GENERIC_CONNECTION = { connectionId: 'import:messages', connectionName: 'Imported' } as const;

export function fromMessagesConversation(c: MessagesConversation, index: number, warnings: Warnings): { bundle: ConversationBundle; label: string } {
  const id = c.id !== undefined && c.id !== null ? `chat-${String(c.id)}` : `chat-${index + 1}`;
  const systemTexts: string[] = [];
  const entries: TranscriptEntry[] = [];
  let images = 0;
  c.messages.forEach((m, i) => {
    const mid = `${id}-${i + 1}`;
    const time = msFromLooseTime(m.created_at ?? m.createdAt ?? m.timestamp);
    const content = textOf(m);
    images += content.images;
    switch (m.role) {
      case 'system':
      case 'developer':
        if (content.text.trim() !== '') systemTexts.push(content.text);
        return;
      case 'user':
      case 'assistant': {
        const calls = (m.tool_calls ?? []).map((t) => `**Tool call: ${t.function?.name ?? 'tool'}**\n\n\`\`\`json\n${t.function?.arguments ?? ''}\n\`\`\``);
        calls.forEach((text, n) => entries.push({ kind: 'step', id: `${mid}-call${n + 1}`, text, time }));
        if (m.role === 'assistant' && content.text.trim() === '' && calls.length > 0) return;
        const model = m.model ?? c.model;
        entries.push({
          kind: 'message',
          id: mid,
          role: m.role,
          text: content.text,
          reasoning: m.reasoning ?? m.reasoning_content ?? undefined,
          ...(m.role === 'assistant' && model ? { model: { ...GENERIC_CONNECTION, modelId: model } } : {}),
          time,
        });
        return;
      }
      default:
        if (content.text.trim() !== '') entries.push({ kind: 'step', id: mid, text: `**Tool result: ${m.name ?? m.role}**\n\n${content.text}`, time });
    }
  });
  const start = msFromLooseTime(c.created_at ?? c.createdAt) ?? entries.find((e) => e.time !== null)?.time ?? 0;
  const messages = linearMessages(id, entries, start);
  const title = importedTitle(c.title ?? c.name, messages);
  const label = `Conversation "${title}"`;
  if (images > 0) warnings.add(`${label}: ${plural(images, 'image')} replaced by "[image]".`);
  const systemPrompt = systemTexts.join('\n\n').slice(0, IMPORT_LIMITS.maxSystemPromptLength);
  const bundle: ConversationBundle = {
    conversation: {
      id,
      title,
      createdAt: start,
      updatedAt: messages.reduce((max, m) => Math.max(max, m.updatedAt), start),
      pinned: false,
      localOnly: false,
      ...(systemPrompt !== '' ? { systemPrompt } : {}),
      currentLeafId: messages.at(-1)?.id ?? null,
    },
    messages,
  };
  return { bundle, label };
}

function textOf(m: MessagesMessage): { text: string; images: number } {
  if (typeof m.content === 'string') return { text: m.content, images: 0 };
  let images = 0;
  const texts = (m.content ?? []).flatMap((p) => {
    if (typeof p === 'string') return [p];
    if (typeof p.text === 'string') return [p.text];
    if (p.type === 'image_url' || p.type === 'image' || p.type === 'input_image') {
      images++;
      return ['[image]'];
    }
    return [];
  });
  return { text: texts.join('\n\n'), images };
}
