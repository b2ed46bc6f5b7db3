// Titles for imported conversations: the source's own when it has one, else the first
// words of the first user message, cut to what the app lets a user type.
import type { Message } from '../types';
import { IMPORTED_TITLE_LENGTH } from './limits';

export function importedTitle(sourceTitle: string | null | undefined, messages: readonly Message[]): string {
  const own = oneLine(sourceTitle ?? '');
  if (own !== '') return cut(own, IMPORTED_TITLE_LENGTH);
  const firstUser = messages.find((m) => m.role === 'user' && m.content.trim() !== '');
  return firstUser ? cut(oneLine(firstUser.content), 80) : 'Untitled conversation';
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function cut(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}
