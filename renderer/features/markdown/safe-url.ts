// URL policy for untrusted model output. react-markdown has already decoded character
// references (`jav&#x61;script:` arrives as `javascript:`); the WHATWG parser then drops the
// tabs, newlines and case tricks a browser would also drop, and we hand the browser the
// parsed, normalised href so it acts on exactly the address we checked.

const ALLOWED_PROTOCOLS: ReadonlySet<string> = new Set(['https:', 'http:', 'mailto:']);
const ANCHOR = /^#[A-Za-z0-9_:.~%-]*$/;

/** react-markdown `urlTransform`: the safe form of `url`, or '' when it must not be followed. */
export function safeUrl(url: string): string {
  if (ANCHOR.test(url)) return url;
  if (!URL.canParse(url)) return ''; // relative and protocol-relative addresses have no base here
  const parsed = new URL(url);
  return ALLOWED_PROTOCOLS.has(parsed.protocol) ? parsed.href : '';
}

export type LinkTarget =
  | { readonly kind: 'anchor'; readonly href: string }
  | { readonly kind: 'external'; readonly href: string; readonly notes: readonly string[] }
  | { readonly kind: 'blocked' };

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
