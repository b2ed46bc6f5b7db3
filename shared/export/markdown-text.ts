// Keeps our Markdown export's outline intact around message text: headings inside a
// message are pushed below the message's own "###" heading, and titles or names we put
// into headings cannot start HTML or links of their own.
import { splitFences } from './fences';

const HEADING = /^( {0,3})(#{1,6})(?=\s|$)/;

/** "# Intro" inside a message becomes "#### Intro" (capped at "######"); code is untouched. */
export function demoteHeadings(text: string): string {
  return splitFences(text)
    .flatMap((block) =>
      block.kind === 'code'
        ? [block.open, ...block.body, ...(block.close === null ? [] : [block.close])]
        : block.lines.map((line) => line.replace(HEADING, (_m, indent: string, hashes: string) => indent + '#'.repeat(Math.min(6, hashes.length + 3)))),
    )
    .join('\n');
}

/** Backslash-escapes Markdown punctuation in metadata (titles, names, error text). */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|#!~]/g, '\\$&');
}
