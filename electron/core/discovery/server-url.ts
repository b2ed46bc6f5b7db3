// Base URLs of local servers: parsing what a user types, refusing anything off this machine,
// and comparing two spellings of the same server (localhost vs 127.0.0.1, trailing /v1).
import { isLoopbackHost } from '../egress/allowlist';

export interface LocalServerUrl {
  /** Scheme, host and port, e.g. http://127.0.0.1:11434 */
  origin: string;
  /** Path prefix before /v1 or /api, usually "" (a reverse proxy may add one). */
  prefix: string;
}

export type ParsedServerUrl = { ok: true; url: LocalServerUrl } | { ok: false; message: string };

/** Accepts "127.0.0.1:1234", "localhost:8080/v1", "http://[::1]:11434/api/". */
export function parseLocalServerUrl(input: string): ParsedServerUrl {
  const trimmed = input.trim();
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `http://${trimmed}`;
  if (!URL.canParse(withScheme)) return { ok: false, message: `"${trimmed}" is not an address Enclave can read.` };
  const url = new URL(withScheme);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { ok: false, message: `Local servers are reached over http or https, not ${url.protocol}` };
  }
  if (!isLoopbackHost(url.hostname)) {
    return {
      ok: false,
      message: `${url.hostname} is not this machine. Discovery only looks at loopback (127.0.0.1); add a remote server as an OpenAI-compatible connection instead.`,
    };
  }
  const prefix = url.pathname.replace(/\/+$/, '').replace(/\/(v1|api)$/, '');
  return { ok: true, url: { origin: url.origin, prefix } };
}

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/** A key under which two spellings of the same server compare equal. */
export function serverKey(baseUrl: string): string | undefined {
  const parsed = parseLocalServerUrl(baseUrl);
  if (!parsed.ok) {
    if (!URL.canParse(baseUrl)) return undefined;
    const url = new URL(baseUrl);
    return `${url.origin}${url.pathname.replace(/\/+$/, '').replace(/\/(v1|api)$/, '')}`.toLowerCase();
  }
  const url = new URL(parsed.url.origin);
  const host = LOOPBACK_NAMES.has(url.hostname) ? 'loopback' : url.hostname;
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  return `${url.protocol}//${host}:${port}${parsed.url.prefix}`.toLowerCase();
}
