// One Chatbox session → bundles: its current thread, plus one conversation per earlier
// thread (Chatbox keeps those apart from the context, so they stay apart here). The first
// system message becomes the conversation's system prompt; images are placeholders (they
// live in Chatbox's own storage, not in the backup).
import type { ConversationBundle, Message } from '../types';
import type { ChatboxMessage, ChatboxSession } from './chatbox-schema';
import { linearMessages, type TranscriptEntry } from './linear-transcript';
import { IMPORT_LIMITS } from './limits';
import { isValidTimeMs } from './times';
import { importedTitle } from './title';
import { plural, type Warnings } from './warnings';

export const CHATBOX_CONNECTION = { connectionId: 'import:chatbox', connectionName: 'Chatbox' } as const;

interface Tally {
  images: number;
  files: number;
  systemDropped: number;
  badTimes: number;
}

export function fromChatboxSession(session: ChatboxSession, warnings: Warnings): { bundles: ConversationBundle[]; label: string } {
  const label = `Chatbox conversation "${session.name ?? session.id}"`;
  const tally: Tally = { images: 0, files: 0, systemDropped: 0, badTimes: 0 };
  const threads = [...(session.threads ?? [])].sort((a, b) => (a.createdAt ?? 0) - (b.createdAt ?? 0));
  const bundles = threads.map((t) => toBundle(t.id, [session.name, t.name].filter(Boolean).join(' — '), t.messages, t.createdAt ?? null, tally));
  const current = toBundle(session.id, session.name ?? '', session.messages, null, tally);
  bundles.push(session.starred ? { ...current, conversation: { ...current.conversation, pinned: true } } : current);
  const forks = Object.keys(session.messageForksHash ?? {}).length;
  if (forks > 0) warnings.add(`${label}: ${plural(forks, 'set')} of alternative replies not imported (only the chosen reply is).`);
  if (tally.images > 0) warnings.add(`${label}: ${plural(tally.images, 'image')} replaced by "[image]" (images are not inside the backup).`);
  if (tally.files > 0) warnings.add(`${label}: ${plural(tally.files, 'attached file')} named as "[file: name]" (file contents are not inside the backup).`);
  if (tally.systemDropped > 0) warnings.add(`${label}: ${plural(tally.systemDropped, 'later system message')} not imported.`);
  if (tally.badTimes > 0) warnings.add(`${label}: ${plural(tally.badTimes, 'timestamp')} out of range replaced by the previous message's time.`);
  return { bundles, label };
}

function toBundle(id: string, name: string, source: readonly ChatboxMessage[], threadTime: number | null, tally: Tally): ConversationBundle {
  let systemPrompt: string | undefined;
  const entries: TranscriptEntry[] = [];
  for (const m of source) {
    const time = typeof m.timestamp === 'number' ? m.timestamp : null;
    if (time !== null && !isValidTimeMs(time)) tally.badTimes++;
    const at = time !== null && isValidTimeMs(time) ? time : null;
    const { text, reasoning, steps } = readParts(m, tally);
    if (m.role === 'system') {
      if (entries.length === 0 && systemPrompt === undefined && text.trim() !== '') systemPrompt = text.slice(0, IMPORT_LIMITS.maxSystemPromptLength);
      else if (text.trim() !== '') tally.systemDropped++;
      continue;
    }
    if (m.role === 'tool') {
      if (text.trim() !== '') entries.push({ kind: 'step', id: m.id, text: `**Tool result**\n\n${text}`, time: at });
      continue;
    }
    const role = m.role === 'user' ? 'user' : 'assistant';
    steps.forEach((step, i) => entries.push({ kind: 'step', id: `${m.id}:step${i + 1}`, text: step, time: at }));
    if (text.trim() === '' && !m.error && role === 'assistant' && steps.length > 0) continue;
    entries.push({
      kind: 'message',
      id: m.id,
      role,
      text,
      reasoning,
      ...(role === 'assistant' && m.model ? { model: { ...CHATBOX_CONNECTION, modelId: m.model } } : {}),
      ...(m.error ? { error: { kind: 'unknown' as const, message: m.error.slice(0, 10_000) } } : {}),
      time: at,
    });
  }
  const firstTime = source.map((m) => m.timestamp).find((t): t is number => isValidTimeMs(t));
  const start = threadTime ?? firstTime ?? 0;
  const messages: Message[] = linearMessages(id, entries, start);
  const title = importedTitle(name, messages);
  return {
    conversation: {
      id,
      title,
      createdAt: start,
      updatedAt: messages.reduce((max, m) => Math.max(max, m.updatedAt), start),
      pinned: false,
      localOnly: false,
      ...(systemPrompt !== undefined ? { systemPrompt } : {}),
      currentLeafId: messages.at(-1)?.id ?? null,
    },
    messages,
  };
}

function readParts(m: ChatboxMessage, tally: Tally): { text: string; reasoning: string; steps: string[] } {
  const texts: string[] = [];
  const reasoning: string[] = m.reasoningContent ? [m.reasoningContent] : [];
  const steps: string[] = [];
  const parts = m.contentParts ?? [];
  if (parts.length === 0 && m.content) texts.push(m.content);
  for (const part of parts) {
    switch (part.type) {
      case 'text':
        if (part.text) texts.push(part.text);
        break;
      case 'image':
        tally.images++;
        texts.push('[image]');
        break;
      case 'reasoning':
        if (part.text) reasoning.push(part.text);
        break;
      case 'tool-call':
        steps.push(`**Tool call: ${part.toolName ?? 'tool'}**\n\n${json(part.args)}${part.result === undefined ? '' : `\n\n**Result**\n\n${json(part.result)}`}`);
        break;
      default:
        if (part.text) steps.push(part.text);
    }
  }
  for (const f of m.files ?? []) {
    tally.files++;
    texts.push(`[file: ${f.name ?? 'unnamed'}]`);
  }
  for (const l of m.links ?? []) if (l.url) texts.push(`[link: ${l.title ? `${l.title} ` : ''}${l.url}]`);
  return { text: texts.join('\n\n'), reasoning: reasoning.join('\n\n'), steps };
}

function json(value: unknown): string {
  const text = JSON.stringify(value ?? null, null, 2) ?? 'null';
  return '```json\n' + text.slice(0, 100_000) + '\n```';
}
