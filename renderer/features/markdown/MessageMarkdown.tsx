// Renders an assistant message's Markdown, safely and cheaply while it streams: only the text
// appended since the last render is scanned, only the growing block is parsed again, and the
// blocks of a long reply are reconciled in groups.
import './markdown.css';
import { memo, useEffect, useRef, useSyncExternalStore } from 'react';
import { rescanBlocks, type BlockScan } from '../../../shared/markdown/incremental-blocks';
import { propsOfBlocks } from './block-props';
import { groupBlocks, sameGroup } from './block-groups';
import type { BlockProps } from './block-updates';
import { MarkdownBlock } from './MarkdownBlock';
import { loadRichMarkdown, markdownVersion, onMarkdownVersion } from './markdown-processor';

export interface MessageMarkdownProps {
  readonly text: string;
  readonly streaming: boolean;
}

const BlockGroup = memo(function BlockGroup({ blocks, done }: { blocks: readonly BlockProps[]; done: boolean }) {
  return (
    <div className={done ? 'md-group done' : 'md-group'}>
      {blocks.map((block, index) => (
        // Keyed by position: a block's identity is its place; memo on its content skips it.
        <MarkdownBlock key={index} source={block.source} definitions={block.definitions} />
      ))}
    </div>
  );
}, sameGroup);

/** The blocks of `text`, scanning only what was appended since the previous call. */
function useBlocks(text: string): BlockProps[] {
  const last = useRef<{ scan: BlockScan; props: BlockProps[] } | undefined>(undefined);
  if (last.current?.scan.text !== text) {
    const scan = rescanBlocks(last.current?.scan, text);
    last.current = { scan, props: propsOfBlocks(scan.blocks) };
  }
  return last.current.props;
}

export function MessageMarkdown({ text, streaming }: MessageMarkdownProps) {
  // Not useDeferredValue: zustand updates arrive every frame, each restarts the deferred render,
  // and 4 streaming panes showed nothing for seconds. Input gets its frames from the frame
  // budget (renderer/state/frame-budget.ts) instead, and each commit parses only the tail.
  const groups = groupBlocks(useBlocks(text));
  // Until math and highlighting have loaded, blocks render without them; the version is in the
  // keys so every block renders once more, with them, when they arrive.
  const version = useSyncExternalStore(onMarkdownVersion, markdownVersion, markdownVersion);
  useEffect(() => void loadRichMarkdown().catch(() => undefined), []);
  return (
    <div className="md" aria-busy={streaming} data-streaming={streaming || undefined} data-chars={text.length}>
      {groups.map((blocks, index) => (
        // A group followed by another is complete; only the last one still grows.
        <BlockGroup key={`${version}.${index}`} blocks={blocks} done={index < groups.length - 1} />
      ))}
    </div>
  );
}
