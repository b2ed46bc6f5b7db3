// Email addresses. Found by walking out from each '@' instead of a regex: a pattern like
// `[\w.]+@` re-scans the whole run at every start and turns quadratic on a long word.
import type { Candidate } from './categories';
import { MAX_FINDINGS_PER_DETECTOR } from './text-scan';

const LOCAL = /[A-Za-z0-9._%+\-']/;
const DOMAIN = /[A-Za-z0-9.-]/;
/** Local parts that name a service account, not a person (git@github.com:org/repo). */
const SERVICE_USERS = new Set(['git', 'hg', 'ssh']);
/** "icon@2x.png" is a file name. */
const FILE_EXTENSIONS = new Set(['png', 'jpg', 'jpeg', 'gif', 'svg', 'webp', 'js', 'ts', 'css', 'pdf']);

export function detectEmails(text: string): Candidate[] {
  const found: Candidate[] = [];
  let at = text.indexOf('@');
  let consumedTo = 0;
  while (at >= 0 && found.length < MAX_FINDINGS_PER_DETECTOR) {
    const email = at >= consumedTo ? emailAround(text, at) : undefined;
    if (email) {
      found.push({ category: 'email', start: email.start, end: email.end, rank: 70 });
      consumedTo = email.end;
    }
    at = text.indexOf('@', at + 1);
  }
  return found;
}

function emailAround(text: string, at: number): { start: number; end: number } | undefined {
  let start = at;
  while (start > 0 && at - start < 64 && LOCAL.test(text.charAt(start - 1))) start--;
  while (start < at && (text[start] === '.' || text[start] === "'")) start++;
  let end = at + 1;
  while (end < text.length && end - at <= 253 && DOMAIN.test(text.charAt(end))) end++;
  while (end > at + 1 && (text[end - 1] === '.' || text[end - 1] === '-')) end--;
  const local = text.slice(start, at);
  const domain = text.slice(at + 1, end);
  if (local.length === 0 || local.endsWith('.') || local.includes('..')) return undefined;
  if (SERVICE_USERS.has(local.toLowerCase())) return undefined;
  // https://token@host/... puts credentials in a URL; the token detectors own that span.
  if (text.slice(Math.max(0, start - 3), start) === '://') return undefined;
  const labels = domain.split('.');
  const tld = labels[labels.length - 1] ?? '';
  if (labels.length < 2 || labels.some((l) => l.length === 0 || l.startsWith('-'))) return undefined;
  if (!/^(?:[A-Za-z]{2,24}|xn--[A-Za-z0-9-]{2,20})$/.test(tld)) return undefined;
  if (FILE_EXTENSIONS.has(tld.toLowerCase())) return undefined;
  return { start, end };
}
