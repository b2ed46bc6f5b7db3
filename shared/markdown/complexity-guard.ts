// Some inputs make the Markdown parser slow or the DOM absurdly deep: thousands of nested
// lists or quotes, or thousands of unmatched `*`/`_` in one paragraph (micromark's emphasis
// resolution is quadratic there: 20,000 of them took 17 s). Such a block is shown as plain
// text instead; no honest answer needs it formatted.
import { closesFence, openFence, type Fence } from './fences';

export const MAX_NESTING = 64;
export const MAX_EMPHASIS_DELIMITERS = 4000;

export type BlockFormatting = { readonly kind: 'markdown' } | { readonly kind: 'plain'; readonly reason: string };

const CONTAINER_MARKER = /^(?:>|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))/;
const TABLE_DELIMITER_ROW = /^[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;

/** Quote/list markers and indentation steps in front of a line's content, capped past the limit. */
function nestingOf(line: string): number {
  let depth = 0;
  let spaces = 0;
  let i = 0;
  while (i < line.length && depth + spaces / 2 <= MAX_NESTING) {
    const c = line[i];
    if (c === ' ' || c === '\t') {
      spaces += c === '\t' ? 4 : 1;
      i += 1;
      continue;
    }
    const marker = CONTAINER_MARKER.exec(line.slice(i, i + 12))?.[0];
    if (!marker) break;
    depth += 1;
    i += marker.length;
  }
  return depth + spaces / 2;
}

function emphasisDelimiters(line: string): number {
  let count = 0;
  for (let i = 0; i < line.length; i += 1) {
    const c = line.charCodeAt(i);
    if (c === 42 /* * */ || c === 95 /* _ */) count += 1;
  }
  return count;
}

export function formattingFor(source: string): BlockFormatting {
  const lines = source.split('\n');
  // A table's cells are parsed one by one, so its delimiters do not add up.
  const isTable = lines.length > 1 && TABLE_DELIMITER_ROW.test(lines[1] ?? '') && (lines[1] ?? '').includes('-');
  let fence: Fence | null = null;
  let delimiters = 0;
  for (const line of lines) {
    if (fence) {
      if (closesFence(line, fence)) fence = null;
      continue;
    }
    fence = openFence(line);
    if (fence) continue;
    if (nestingOf(line) > MAX_NESTING) return { kind: 'plain', reason: 'nested too deeply to format' };
    if (!isTable) delimiters += emphasisDelimiters(line);
    if (delimiters > MAX_EMPHASIS_DELIMITERS) return { kind: 'plain', reason: 'too complex to format' };
  }
  return { kind: 'markdown' };
}
