// Splits a growing reply into blocks without re-scanning it: text appended to a reply can only
// change its last block, and the block before it while the last block's first line is still
// incomplete (a growing "1" may yet become "1." and join the list above). Everything before
// that is kept as it was, object for object, so memoised renders of it are skipped.
import { scanBlocks, type MarkdownBlockSource } from './split-blocks';

export interface BlockScan {
  readonly text: string;
  readonly blocks: readonly MarkdownBlockSource[];
}

const LINE_BREAK = /[\r\n]/;

/** The blocks of `text`, reusing `previous` when `text` extends the text it scanned. */
export function rescanBlocks(previous: BlockScan | undefined, text: string): BlockScan {
  if (!previous || previous.blocks.length === 0 || !text.startsWith(previous.text)) {
    return { text, blocks: scanBlocks(text) };
  }
  const prior = previous.blocks;
  let keep = prior.length - 1;
  const lastStart = prior[keep]?.start ?? 0;
  if (!LINE_BREAK.test(previous.text.slice(lastStart))) keep -= 1;
  if (keep <= 0) return { text, blocks: scanBlocks(text) };
  const from = prior[keep]?.start ?? 0;
  return { text, blocks: prior.slice(0, keep).concat(scanBlocks(text.slice(from), from)) };
}
