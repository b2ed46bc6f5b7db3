// Blocks are rendered in fixed groups of GROUP_SIZE by position, so an update reconciles a few
// dozen groups (all but the last skipped by memo) instead of every block of a long reply, and a
// block never moves between parents (which would remount it).
import type { BlockProps } from './block-updates';
import { sameBlockProps } from './block-updates';

export const GROUP_SIZE = 32;

export function groupBlocks(blocks: readonly BlockProps[]): BlockProps[][] {
  const groups: BlockProps[][] = [];
  for (let i = 0; i < blocks.length; i += GROUP_SIZE) groups.push(blocks.slice(i, i + GROUP_SIZE));
  return groups;
}

interface GroupProps {
  readonly blocks: readonly BlockProps[];
  /** Another group follows, so this one no longer grows (the browser may skip drawing it out of view). */
  readonly done?: boolean;
}

export function sameGroup(a: GroupProps, b: GroupProps): boolean {
  return a.done === b.done && a.blocks.length === b.blocks.length && a.blocks.every((block, i) => sameBlockProps(block, b.blocks[i]!));
}
