// The chat history as the AI SDK wants it: text, plus images as image parts (each provider
// package turns them into its own wire form) and text files inlined as text.
import type { ModelMessage } from 'ai';
import type { Attachment } from '../../../../shared/types';

export interface TurnInputMessage {
  role: 'user' | 'assistant' | 'system';
  content: string;
  attachments?: readonly Attachment[];
}

type UserPart = { type: 'text'; text: string } | { type: 'image'; image: string; mediaType: string };

function userParts(m: TurnInputMessage): UserPart[] {
  const parts: UserPart[] = [];
  for (const a of m.attachments ?? []) {
    if (a.kind === 'image') parts.push({ type: 'image', image: a.data, mediaType: a.mimeType });
    else parts.push({ type: 'text', text: `Attached file "${a.name}":\n\n${a.data}` });
  }
  if (m.content !== '') parts.push({ type: 'text', text: m.content });
  return parts;
}

/** System-role messages are folded into the instructions (the SDK refuses them in `messages`). */
export function toModelMessages(messages: readonly TurnInputMessage[], system?: string): { messages: ModelMessage[]; instructions?: string } {
  const systems = [system, ...messages.filter((m) => m.role === 'system').map((m) => m.content)].filter((s): s is string => !!s && s.trim() !== '');
  const out: ModelMessage[] = [];
  for (const m of messages) {
    if (m.role === 'assistant') out.push({ role: 'assistant', content: m.content });
    else if (m.role === 'user') out.push({ role: 'user', content: m.attachments?.length ? userParts(m) : m.content });
  }
  return { messages: out, ...(systems.length ? { instructions: systems.join('\n\n') } : {}) };
}
