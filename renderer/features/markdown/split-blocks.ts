// Splits a Markdown message into top-level blocks so a streaming reply re-parses only its
// last, growing block. A block ends at a blank line, except inside a fenced code block or a
// $$ math block, and except where CommonMark would continue the previous block across the
// blank line (a loose list, indented list content, an indented code block).

import { closesFence, openFence, type Fence } from './fences';

/** One top-level block of a message. */
export interface MarkdownBlockSource {
  readonly source: string;
  /** A link-reference or footnote definition: it renders nothing itself but other blocks need it. */
  readonly isDefinition: boolean;
  /** Ends inside a code fence or $$ block that has not been closed yet (typical while streaming). */
  readonly open: boolean;
}

const LIST_ITEM = /^[ \t]*(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/;
const INDENTED = /^(?: |\t)/;
const INDENTED_CODE = /^(?: {4}|\t)/;
const DEFINITION = /^ {0,3}\[\^?[^\]\n]+\]:/;

/** Whether `line`, coming after a blank line, still belongs to the block that starts with `first`. */
function continuesAcrossBlank(first: string, line: string): boolean {
  if (LIST_ITEM.test(first)) return LIST_ITEM.test(line) || INDENTED.test(line);
  if (INDENTED_CODE.test(first)) return INDENTED_CODE.test(line);
  return false;
}

const isBlank = (line: string): boolean => line.trim() === '';

/** Splits `text` into top-level blocks; see the file comment for the rules. */
export function scanBlocks(text: string): MarkdownBlockSource[] {
  const blocks: MarkdownBlockSource[] = [];
  let current: string[] = [];
  let pendingBlank = 0;
  let fence: Fence | null = null;

  const finish = (open: boolean): void => {
    if (current.length === 0) return;
    const first = current[0] ?? '';
    blocks.push({ source: current.join('\n'), isDefinition: DEFINITION.test(first), open });
    current = [];
  };

  for (const line of text.split(/\r\n?|\n/)) {
    if (fence) {
      current.push(line);
      if (closesFence(line, fence)) fence = null;
      continue;
    }
    if (isBlank(line)) {
      if (current.length > 0) pendingBlank += 1;
      continue;
    }
    if (pendingBlank > 0) {
      if (continuesAcrossBlank(current[0] ?? '', line)) {
        for (let i = 0; i < pendingBlank; i += 1) current.push('');
      } else {
        finish(false);
      }
      pendingBlank = 0;
    }
    current.push(line);
    fence = openFence(line);
  }
  finish(fence !== null);
  return blocks;
}

/** The source text of each top-level block of `text`. */
export function splitBlocks(text: string): string[] {
  return scanBlocks(text).map((block) => block.source);
}
