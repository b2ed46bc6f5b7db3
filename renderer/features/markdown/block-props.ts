// Turns a message into the props of its blocks: definition blocks are folded into the blocks
// that may reference them, because each block is parsed on its own.
import type { BlockProps } from './block-updates';
import { scanBlocks } from './split-blocks';

export function blockPropsOf(text: string): BlockProps[] {
  const blocks = scanBlocks(text);
  const definitions = blocks.filter((b) => b.isDefinition).map((b) => b.source).join('\n\n');
  return blocks
    .filter((b) => !b.isDefinition)
    .map((b) => ({
      source: b.source,
      // Only blocks that could hold a reference get the definitions, so a definition arriving
      // late re-renders those blocks and no others; an open fence would swallow them as code.
      definitions: definitions !== '' && !b.open && b.source.includes(']') ? definitions : '',
    }));
}
