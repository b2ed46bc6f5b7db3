// Message text → HTML, with a deliberately small Markdown subset: fenced code blocks,
// "#" headings and paragraphs (line breaks kept by CSS), plus the inline forms in
// html-inline.ts. Everything that is not recognised stays visible as plain text.
import { splitFences, type TextBlock } from './fences';
import { escapeHtml } from './html-escape';
import { inlineHtml } from './html-inline';

const HEADING = /^ {0,3}#{1,6}\s+(.*)$/;

export function textHtml(text: string): string {
  return splitFences(text).flatMap(blockHtml).join('\n');
}

function blockHtml(block: TextBlock): string[] {
  if (block.kind === 'code') {
    const label = block.language ? `<span class="lang">${escapeHtml(block.language)}</span>` : '';
    return [`<pre>${label}<code>${escapeHtml(block.body.join('\n'))}</code></pre>`];
  }
  const out: string[] = [];
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length > 0) out.push(`<p>${inlineHtml(paragraph.join('\n'))}</p>`);
    paragraph = [];
  };
  for (const line of block.lines) {
    const heading = HEADING.exec(line);
    if (heading) {
      flush();
      out.push(`<p class="heading">${inlineHtml(heading[1] ?? '')}</p>`);
    } else if (line.trim() === '') {
      flush();
    } else {
      paragraph.push(line);
    }
  }
  flush();
  return out;
}
