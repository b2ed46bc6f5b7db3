// IPv4 and IPv6 addresses. Dotted quads are also how versions and OIDs are written, so a
// quad right after "v", "version", "build" or a product token ("Chrome/120.0.0.0") is
// skipped, as are loopback, unspecified and broadcast addresses, which identify nobody.
import type { Candidate } from './categories';
import { contextBefore, isWordCharAt, scan } from './text-scan';

const IPV4 = /(?<![\w.])(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?!\w|\.\d)/g;
// Dotted quads after these words are versions or document section numbers.
const VERSION_WORD =
  /(?:\bchapter|\bsection|\bsec|\bfigure|\bfig|\btable|\bstep|\bclause|\barticle|\bart|§|\bv|\bversion|\bver|\brelease|\brel|\bbuild|\bfirmware|\bfw|\brevision|\brev|\bpatch|\bupdate|\bupgrade to|\bsdk)[\s:=.]*$/;
const PRODUCT_TOKEN = /[A-Za-z]\/$/;
const NOT_PERSONAL_V4 = new Set(['0.0.0.0', '255.255.255.255']);

export function detectIps(text: string): Candidate[] {
  const found: Candidate[] = [];
  for (const m of scan(IPV4, text)) {
    if (!m.slice(1, 5).every(isOctet)) continue;
    if (m[1] === '127' || NOT_PERSONAL_V4.has(m[0])) continue;
    const before = contextBefore(text, m.index, 20);
    if (VERSION_WORD.test(before) || PRODUCT_TOKEN.test(before)) continue;
    found.push({ category: 'ip-address', start: m.index, end: m.index + m[0].length, rank: 60 });
  }
  for (const m of scan(IPV6_CANDIDATE, text)) {
    const address = m[0].replace(/\.+$/, '');
    const end = m.index + address.length;
    if (isWordCharAt(text, end) || text[end] === ':') continue;
    if (looksLikeIpv6(address)) found.push({ category: 'ip-address', start: m.index, end, rank: 60 });
  }
  return found;
}

function isOctet(s: string | undefined): boolean {
  return s !== undefined && (s === '0' || !s.startsWith('0')) && Number(s) <= 255;
}

const IPV6_CANDIDATE = /(?<![\w:.])[0-9A-Fa-f]{0,4}:[0-9A-Fa-f:.]{2,44}/g;

/**
 * RFC 4291 text forms, including "::" compression and a trailing dotted quad. Code such as
 * a Python slice "1::2" is also valid syntax, so short compressed forms must open with a
 * group of three or more hex digits ("fe80::1") and contain a digit.
 */
function looksLikeIpv6(s: string): boolean {
  if (!/\d/.test(s) || s === '::1' || s === '::') return false;
  let tail = s;
  let extraGroups = 0;
  const lastColon = s.lastIndexOf(':');
  if (s.includes('.')) {
    const quad = s.slice(lastColon + 1).split('.');
    if (quad.length !== 4 || !quad.every(isOctet)) return false;
    tail = s.slice(0, lastColon + 1) + '0';
    extraGroups = 1;
  }
  const halves = tail.split('::');
  if (halves.length > 2) return false;
  const parts = halves.map((h) => (h === '' ? [] : h.split(':')));
  if (!parts.every((p) => p.every((g) => /^[0-9A-Fa-f]{1,4}$/.test(g)))) return false;
  const groups = parts.reduce((n, p) => n + p.length, 0) + extraGroups;
  if (halves.length === 1) return groups === 8;
  if (groups > 7) return false;
  const colons = s.split(':').length - 1;
  const first = parts[0]?.[0] ?? '';
  return colons >= 3 || first.length >= 3;
}
