// Renders an assistant message's Markdown, safely and cheaply while it streams.
import 'katex/dist/katex.min.css';
import './markdown.css';
import './highlight-theme.css';
import { useMemo } from 'react';
import { blockPropsOf } from './block-props';
import { MarkdownBlock } from './MarkdownBlock';

export interface MessageMarkdownProps {
  readonly text: string;
  readonly streaming: boolean;
}

export function MessageMarkdown({ text, streaming }: MessageMarkdownProps) {
  const blocks = useMemo(() => blockPropsOf(text), [text]);
  return (
    <div className="md" aria-busy={streaming} data-streaming={streaming || undefined}>
      {blocks.map((block, index) => (
        // Keyed by position: a block's identity is its place; memo on its content skips it.
        <MarkdownBlock key={index} source={block.source} definitions={block.definitions} />
      ))}
    </div>
  );
}
