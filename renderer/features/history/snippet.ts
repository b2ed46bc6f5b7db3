// Search snippets arrive with matches wrapped in \u0001 … \u0002. They are model output and user
// text, so they are split into plain strings here and rendered as text nodes, never as HTML.

export interface SnippetPart {
  text: string;
  match: boolean;
}

const OPEN = '\u0001';
const CLOSE = '\u0002';

export function splitSnippet(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let match = false;
  let current = '';
  const flush = () => {
    if (current === '') return;
    const last = parts.at(-1);
    if (last && last.match === match) last.text += current;
    else parts.push({ text: current, match });
    current = '';
  };
  for (const ch of snippet) {
    if (ch === OPEN || ch === CLOSE) {
      flush();
      match = ch === OPEN;
    } else {
      current += ch;
    }
  }
  flush();
  return parts;
}
