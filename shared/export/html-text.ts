// Message text → HTML, with a deliberately small Markdown subset: fenced code blocks,
// "#" headings and paragraphs (line breaks kept by CSS), plus the inline forms in
// html-inline.ts. Everything that is not recognised stays visible as plain text.
import { escapeHtml } from './html-escape';
import { inlineHtml } from './html-inline';

const FENCE = /^ {0,3}(`{3,}|~{3,})\s*([^`\s]*)/;
const HEADING = /^ {0,3}#{1,6}\s+(.*)$/;

export function textHtml(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const blocks: string[] = [];
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length > 0) blocks.push(`<p>${inlineHtml(paragraph.join('\n'))}</p>`);
    paragraph = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const fence = FENCE.exec(line);
    if (fence) {
      flush();
      const end = closingFence(lines, i + 1, fence[1] as string);
      blocks.push(codeBlockHtml(lines.slice(i + 1, end).join('\n'), fence[2] ?? ''));
      i = end;
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      flush();
      blocks.push(`<p class="heading">${inlineHtml(heading[1] ?? '')}</p>`);
    } else if (line.trim() === '') {
      flush();
    } else {
      paragraph.push(line);
    }
  }
  flush();
  return blocks.join('\n');
}

/** Index of the closing fence line; an unclosed fence runs to the end, as in CommonMark. */
function closingFence(lines: readonly string[], from: number, open: string): number {
  const closing = new RegExp(`^ {0,3}${open[0] === '`' ? '`' : '~'}{${open.length},}\\s*$`);
  for (let i = from; i < lines.length; i++) if (closing.test(lines[i] as string)) return i;
  return lines.length;
}

function codeBlockHtml(code: string, language: string): string {
  const label = language ? `<span class="lang">${escapeHtml(language)}</span>` : '';
  return `<pre>${label}<code>${escapeHtml(code)}</code></pre>`;
}
