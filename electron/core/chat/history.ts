// Turns the branch the user is on into the messages a model sees.
import type { Attachment, Message } from '../../../shared/types';

export interface TurnMessage {
  role: 'user' | 'assistant';
  content: string;
  attachments?: Attachment[];
}

export function historyFor(path: readonly Message[]): TurnMessage[] {
  return (
    path
      // A reply with no text (a tool call, a generated image) has nothing a model can be shown as
      // its own words; providers reject empty assistant turns.
      .filter((m) => m.role !== 'system' && (m.content !== '' || (m.role === 'user' && (m.attachments?.length ?? 0) > 0)))
      .map((m) => ({
        role: m.role === 'user' ? 'user' : 'assistant',
        content: m.content,
        ...(m.attachments?.length ? { attachments: m.attachments } : {}),
      }))
  );
}

export const CONTINUE_PROMPT = 'Continue exactly where your previous reply stopped. Do not repeat what you already wrote.';
