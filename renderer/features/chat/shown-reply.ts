// What a message shows: the saved text, or while a stream is live, the text it continues plus
// everything streamed (a refreshed message.content already holds part of the stream).
import type { Message } from '../../../shared/types';
import type { LiveReply } from '../../state/streams-store';

export function shownReply(message: Message, live: LiveReply | undefined): { text: string; reasoning: string | undefined } {
  if (!live) return { text: message.content, reasoning: message.reasoning };
  return { text: live.base + live.text, reasoning: live.baseReasoning + live.reasoning || undefined };
}
