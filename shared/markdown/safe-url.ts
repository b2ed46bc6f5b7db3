// URL policy for untrusted model output. the Markdown parser has already decoded character
// references (`jav&#x61;script:` arrives as `javascript:`); the WHATWG parser then drops the
// tabs, newlines and case tricks a browser would also drop, and we hand the browser the
// parsed, normalised href so it acts on exactly the address we checked.

const ALLOWED_PROTOCOLS: ReadonlySet<string> = new Set(['https:', 'http:', 'mailto:']);
const ANCHOR = /^#[A-Za-z0-9_:.~%-]*$/;

/** The safe form of `url`, or '' when it must not be followed. */
export function safeUrl(url: string): string {
  if (ANCHOR.test(url)) return url;
  if (!URL.canParse(url)) return ''; // relative and protocol-relative addresses have no base here
  const parsed = new URL(url);
  return ALLOWED_PROTOCOLS.has(parsed.protocol) ? parsed.href : '';
}
