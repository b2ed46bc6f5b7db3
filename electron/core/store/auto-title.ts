// A title for an untitled conversation, taken from the first thing the user asked, as plain words.
import { markdownToPlain } from '../../../shared/plain-text';

const MAX_TITLE = 60;

export function titleFromText(text: string): string {
  const line =
    text
      .split('\n')
      .map(markdownToPlain)
      .find((l) => l.length > 0) ?? '';
  if (line.length <= MAX_TITLE) return line;
  const cut = line.slice(0, MAX_TITLE);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > MAX_TITLE / 2 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`;
}
