// A flat transcript (Chatbox, generic messages[]) → a linear message chain. Tool calls, tool
// results and stray notes are steps: they fold, in order, into the reasoning of the next
// assistant reply and are never shown as answer text. Steps with no reply after them get a
// short reply of their own that says so.
import type { ChatError, Message } from '../types';
import { TOOLS_ONLY_REPLY } from './from-chatgpt';

export type TranscriptEntry =
  | {
      kind: 'message';
      id: string;
      role: 'user' | 'assistant';
      text: string;
      reasoning?: string;
      model?: Message['model'];
      error?: ChatError;
      /** ms, or null when the source has none (the previous entry's time is used). */
      time: number | null;
    }
  | { kind: 'step'; id: string; text: string; time: number | null };

export function linearMessages(conversationId: string, entries: readonly TranscriptEntry[], startTime: number): Message[] {
  const messages: Message[] = [];
  let parentId: string | null = null;
  let lastTime = startTime;
  let steps = null as { id: string; texts: string[] } | null;
  const push = (m: Omit<Message, 'conversationId' | 'parentId' | 'status' | 'updatedAt'> & { error?: ChatError }) => {
    const message: Message = {
      ...m,
      conversationId,
      parentId,
      status: m.error ? 'error' : 'complete',
      updatedAt: m.createdAt,
    };
    messages.push(message);
    parentId = message.id;
  };
  const flushSteps = () => {
    if (!steps) return;
    push({ id: steps.id, role: 'assistant', content: TOOLS_ONLY_REPLY, reasoning: steps.texts.join('\n\n'), createdAt: lastTime });
    steps = null;
  };
  for (const entry of entries) {
    lastTime = entry.time ?? lastTime;
    if (entry.kind === 'step') {
      steps = { id: entry.id, texts: [...(steps?.texts ?? []), entry.text] };
      continue;
    }
    if (entry.role === 'user') flushSteps();
    const reasoning = [...(entry.role === 'assistant' ? (steps?.texts ?? []) : []), entry.reasoning ?? ''].filter((t) => t.trim() !== '');
    if (entry.role === 'assistant') steps = null;
    push({
      id: entry.id,
      role: entry.role,
      content: entry.text,
      ...(reasoning.length > 0 ? { reasoning: reasoning.join('\n\n') } : {}),
      ...(entry.model ? { model: entry.model } : {}),
      ...(entry.error ? { error: entry.error } : {}),
      createdAt: lastTime,
    });
  }
  flushSteps();
  return messages;
}
