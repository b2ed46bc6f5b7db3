// One top-level block of a message, parsed on its own and memoised on its props: while a
// reply streams, only the block that is still growing is parsed again.
import { memo } from 'react';
import { formattingFor } from '../../../shared/markdown/complexity-guard';
import { sameBlockProps, type BlockProps } from './block-updates';
import { renderMarkdown } from './render-markdown';

export const MarkdownBlock = memo(function MarkdownBlock({ source, definitions }: BlockProps) {
  const formatting = formattingFor(source);
  if (formatting.kind === 'plain') {
    return (
      <div className="md-plain" title={`Shown as plain text: ${formatting.reason}`}>
        {source}
      </div>
    );
  }
  return renderMarkdown(definitions === '' ? source : `${source}\n\n${definitions}`);
}, sameBlockProps);
