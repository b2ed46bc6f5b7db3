// Inline Markdown for the HTML export: `code`, **bold**, [links](https://…) and images.
// Each token is escaped on output, so no input can produce markup of its own. Only https
// links become anchors (rel="noopener noreferrer"); anything else, and every image, is
// shown as text with its URL so that opening the file never loads or runs anything.
import { escapeHtml } from './html-escape';

// Bounded repetitions keep matching linear-ish on hostile input (a million "[" or "`").
const INLINE =
  /(`{1,2})([^`\n]{1,2000})\1(?!`)|!\[([^[\]\n]{0,300})\]\(([^()\s]{0,2000})\)|\[([^[\]\n]{1,300})\]\(([^()\s]{0,2000})\)|\*\*(?=\S)([^*\n]{0,2000}?\S)\*\*/g;

export function inlineHtml(text: string): string {
  let out = '';
  let last = 0;
  for (const match of text.matchAll(INLINE)) {
    out += escapeHtml(text.slice(last, match.index));
    out += tokenHtml(match);
    last = match.index + match[0].length;
  }
  return out + escapeHtml(text.slice(last));
}

function tokenHtml(m: RegExpMatchArray): string {
  const [, ticks, code, imageAlt, imageUrl, linkText, linkUrl, bold] = m;
  if (ticks !== undefined && code !== undefined) return `<code>${escapeHtml(code)}</code>`;
  if (imageUrl !== undefined) return imageHtml(imageAlt ?? '', imageUrl);
  if (linkText !== undefined && linkUrl !== undefined) return linkHtml(linkText, linkUrl);
  if (bold !== undefined) return `<strong>${escapeHtml(bold)}</strong>`;
  return escapeHtml(m[0]);
}

function imageHtml(alt: string, url: string): string {
  const label = alt === '' ? 'image' : `image: ${alt}`;
  return `<span class="image-ref">[${escapeHtml(label)}]${url ? ` ${escapeHtml(url)}` : ''}</span>`;
}

function linkHtml(text: string, url: string): string {
  if (!isHttpsUrl(url)) return `${escapeHtml(text)} (${escapeHtml(url)})`;
  return `<a href="${escapeHtml(url)}" rel="noopener noreferrer">${escapeHtml(text)}</a>`;
}

export function isHttpsUrl(url: string): boolean {
  if (!/^https:\/\/[^\s"'<>\\`]+$/i.test(url)) return false;
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}
