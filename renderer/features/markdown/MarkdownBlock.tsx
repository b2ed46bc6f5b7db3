// One top-level block of a message, parsed on its own and memoised on its props: while a
// reply streams, only the block that is still growing is parsed again.
import { memo } from 'react';
import Markdown from 'react-markdown';
import { sameBlockProps, type BlockProps } from './block-updates';
import { formattingFor } from './complexity-guard';
import { markdownComponents } from './markdown-components';
import { rehypePlugins, remarkPlugins } from './markdown-plugins';
import { safeUrl } from './safe-url';

/** The whole Markdown pipeline on one string: the only place react-markdown is configured. */
export function renderMarkdown(source: string) {
  return (
    <Markdown
      remarkPlugins={remarkPlugins}
      rehypePlugins={rehypePlugins}
      components={markdownComponents}
      urlTransform={safeUrl}
    >
      {source}
    </Markdown>
  );
}

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
