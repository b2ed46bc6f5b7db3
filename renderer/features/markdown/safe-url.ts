// How a link in a reply is treated when clicked. The URL policy itself is shared with the export.
import { safeUrl } from '../../../shared/markdown/safe-url';

export { safeUrl };

export type LinkTarget =
  { readonly kind: 'anchor'; readonly href: string } | { readonly kind: 'external'; readonly href: string; readonly notes: readonly string[] } | { readonly kind: 'blocked' };

/** Classifies an href that already went through `safeUrl`, with warnings worth showing. */
export function linkTarget(href: string | undefined, text = ''): LinkTarget {
  const safe = href ? safeUrl(href) : '';
  if (safe === '') return { kind: 'blocked' };
  if (safe.startsWith('#')) return { kind: 'anchor', href: safe };
  const url = new URL(safe);
  const notes: string[] = [];
  if (url.protocol === 'http:') notes.push('Not encrypted (http).');
  if (url.hostname.split('.').some((label) => label.startsWith('xn--'))) {
    notes.push('The address uses international characters, shown here in their ASCII (punycode) form.');
  }
  if (url.username !== '' || url.password !== '') notes.push('The address carries a user name before the host.');
  const shown = text.trim();
  if (/^(?:https?:\/\/)?[^\s/]+\.[a-z]{2,}/i.test(shown) && !safe.includes(shown.replace(/^https?:\/\//i, ''))) {
    notes.push('The link text looks like a different address.');
  }
  return { kind: 'external', href: safe, notes };
}
