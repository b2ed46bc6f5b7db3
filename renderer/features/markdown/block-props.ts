// Turns a message's blocks into the props of its rendered blocks: definition blocks are folded
// into the blocks that may reference them, because each block is parsed on its own.
import { splitDefinitions } from '../../../shared/markdown/definitions';
import type { MarkdownBlockSource } from '../../../shared/markdown/split-blocks';
import { scanBlocks } from '../../../shared/markdown/split-blocks';
import type { BlockProps } from './block-updates';

export function propsOfBlocks(blocks: readonly MarkdownBlockSource[]): BlockProps[] {
  const contents: { source: string; open: boolean }[] = [];
  const found: string[] = [];
  for (const b of blocks) {
    if (!b.isDefinition) {
      contents.push(b);
      continue;
    }
    const { definitions, rest } = splitDefinitions(b.source);
    found.push(definitions);
    // The whole block is rendered: its definitions show nothing, and what follows them keeps
    // the paragraph context it has in the full text ("2) two" there is not a list).
    if (rest !== '') contents.push(b);
  }
  const definitions = found.join('\n\n');
  // Only blocks that could hold a reference get the definitions, so a definition arriving
  // late re-renders those blocks and no others; an open fence would swallow them as code.
  return contents.map((b) => ({ source: b.source, definitions: definitions !== '' && !b.open && b.source.includes(']') ? definitions : '' }));
}

export function blockPropsOf(text: string): BlockProps[] {
  return propsOfBlocks(scanBlocks(text));
}
