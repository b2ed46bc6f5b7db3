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
  /** Offset of the block's first line in the scanned text. */
  readonly start: number;
}

const LIST_ITEM = /^[ \t]*(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/;
const INDENTED = /^(?: |\t)/;
const INDENTED_CODE = /^(?: {4}|\t)/;
// Lines after which an indented line opens indented code (after a paragraph line it would be a
// lazy continuation instead): an ATX heading, a setext underline or thematic break, a closed fence.
const ENDS_LEAF = /^ {0,3}(?:#{1,6}(?:[ \t]|$)|([-*_=])(?:[ \t]*\1){2,}[ \t]*$)/;
// A link definition needs its destination on the line; a footnote may start empty.
const DEFINITION = /^ {0,3}(?:\[\^[^\]\n]+\]:|\[[^\]\n]+\]:[ \t]*\S)/;

/**
 * Whether `line`, coming after a blank line, still belongs to the current block: one that holds
 * a list (a list may follow a heading or paragraph in the same block), or that ends in indented code.
 */
function continuesAcrossBlank(inIndentedCode: boolean, hasList: boolean, line: string): boolean {
  if (hasList) return LIST_ITEM.test(line) || INDENTED.test(line);
  if (inIndentedCode) return INDENTED_CODE.test(line);
  return false;
}

const isBlank = (line: string): boolean => line.trim() === '';

const LINE_END = /\r\n?|\n/g;

/** Each line of `text` with the offset it starts at. */
function* linesOf(text: string): Generator<{ line: string; at: number }> {
  let at = 0;
  LINE_END.lastIndex = 0;
  for (let m = LINE_END.exec(text); m; m = LINE_END.exec(text)) {
    yield { line: text.slice(at, m.index), at };
    at = m.index + m[0].length;
  }
  yield { line: text.slice(at), at };
}

/**
 * Splits `text` into top-level blocks; see the file comment for the rules. `offset` is added to
 * every block's `start` (for a tail scanned on its own).
 */
export function scanBlocks(text: string, offset = 0): MarkdownBlockSource[] {
  const blocks: MarkdownBlockSource[] = [];
  let current: string[] = [];
  let start = 0;
  let pendingBlank = 0;
  let hasList = false;
  let fence: Fence | null = null;
  /** The block currently ends in an indented code block (not a paragraph's indented continuation). */
  let inIndentedCode = false;
  let closedFence = false;

  const finish = (open: boolean): void => {
    if (current.length === 0) return;
    const first = current[0] ?? '';
    blocks.push({ source: current.join('\n'), isDefinition: DEFINITION.test(first), open, start: start + offset });
    current = [];
    hasList = false;
    inIndentedCode = false;
  };

  for (const { line, at } of linesOf(text)) {
    if (fence) {
      current.push(line);
      if (closesFence(line, fence)) {
        fence = null;
        closedFence = true;
      }
      continue;
    }
    if (isBlank(line)) {
      if (current.length > 0) pendingBlank += 1;
      continue;
    }
    if (pendingBlank > 0) {
      if (continuesAcrossBlank(inIndentedCode, hasList, line)) {
        for (let i = 0; i < pendingBlank; i += 1) current.push('');
      } else {
        finish(false);
      }
      pendingBlank = 0;
    }
    if (current.length === 0) start = at;
    const previous = current.at(-1);
    inIndentedCode = !hasList && INDENTED_CODE.test(line) && (previous === undefined || inIndentedCode || closedFence || ENDS_LEAF.test(previous));
    closedFence = false;
    current.push(line);
    if (LIST_ITEM.test(line)) hasList = true;
    fence = openFence(line);
  }
  finish(fence !== null);
  return blocks;
}

/** The source text of each top-level block of `text`. */
export function splitBlocks(text: string): string[] {
  return scanBlocks(text).map((block) => block.source);
}
