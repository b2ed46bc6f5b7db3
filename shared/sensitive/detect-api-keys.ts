// API keys and tokens: well-known prefixes first (exact and cheap), then values assigned to
// a key-like name, then any long token that looks random. Hex-only tokens are left alone:
// they are git hashes, checksums and UUIDs far more often than secrets.
import type { Candidate } from './categories';
import { pemBlocks, type PemBlock } from './pem';
import { contextBefore, isWordCharAt, scan } from './text-scan';
import { charClasses, classCount, classSwitchRate, isPlaceholder, shannonEntropy } from './token-shape';

interface KeyShape {
  pattern: RegExp;
  accept?: (token: string) => boolean;
}

const hasDigitAndLetter = (t: string) => /\d/.test(t) && /[A-Za-z]/.test(t);

const KEY_SHAPES: readonly KeyShape[] = [
  // OpenAI (sk-, sk-proj-, sk-svcacct-, sk-admin-), Anthropic (sk-ant-), OpenRouter (sk-or-), DeepSeek.
  { pattern: /(?<![\w-])sk-[A-Za-z0-9_-]{20,}/g, accept: acceptSkKey },
  { pattern: /(?<![\w-])(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}(?![A-Za-z0-9])/g },
  { pattern: /(?<![\w-])gh[pousr]_[A-Za-z0-9]{36,255}/g },
  { pattern: /(?<![\w-])github_pat_[A-Za-z0-9_]{22,255}/g },
  { pattern: /(?<![\w-])xox[abposr]-[A-Za-z0-9-]{10,}/g, accept: (t) => /\d/.test(t) },
  { pattern: /(?<![\w-])AIza[0-9A-Za-z_-]{35}/g },
  { pattern: /(?<![\w-])glpat-[A-Za-z0-9_-]{20,}/g },
  { pattern: /(?<![\w-])hf_[A-Za-z0-9]{30,}/g },
  { pattern: /(?<![\w-])(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{16,}/g },
  { pattern: /(?<![\w-])whsec_[A-Za-z0-9+/=]{24,}/g },
  { pattern: /(?<![\w-])xai-[A-Za-z0-9]{40,}/g },
  { pattern: /(?<![\w-])gsk_[A-Za-z0-9]{40,}/g },
  { pattern: /(?<![\w-])npm_[A-Za-z0-9]{36}/g },
  { pattern: /(?<![\w-])pypi-AgE[A-Za-z0-9_-]{50,}/g },
  { pattern: /(?<![\w-])SG\.[\w-]{22}\.[\w-]{43}/g },
  { pattern: /(?<![\w-])dop_v1_[a-f0-9]{64}/g },
  { pattern: /(?<![\w-])shp(?:at|ss|ca|pa)_[a-fA-F0-9]{32}/g },
  // JSON Web Tokens: header and payload are base64url JSON objects, so both open with "eyJ".
  { pattern: /(?<![\w-])eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g },
  { pattern: /(?<=\b[Bb]earer )[A-Za-z0-9._~+/-]{20,}=*/g, accept: (t) => hasDigitAndLetter(t) && !isPlaceholder(t) },
];

function acceptSkKey(token: string): boolean {
  const body = token.slice(3);
  if (/^(?:ant|proj|svcacct|admin|or)-/.test(body)) return hasDigitAndLetter(body);
  const c = charClasses(body);
  return (c.lower && c.upper && c.digit) || /^[0-9a-f]{32,}$/.test(body);
}

export function detectPrefixedKeys(text: string): Candidate[] {
  const found: Candidate[] = [];
  for (const shape of KEY_SHAPES) {
    for (const m of scan(shape.pattern, text)) {
      if (shape.accept && !shape.accept(m[0])) continue;
      found.push({ category: 'api-key', start: m.index, end: m.index + m[0].length, rank: 80 });
    }
  }
  return found;
}

/** `OPENAI_API_KEY=...`, `"client_secret": "..."`, `token: ...`: the name says it is a secret. */
const ASSIGNED = /(?<!\w)[A-Za-z_]*?(?:api[_-]?key|apikey|secret|token|access[_-]?key|auth[_-]?key)["']?[ \t]{0,3}[:=][ \t]{0,3}["']?([A-Za-z0-9_\-+/=.]{16,})/gi;

export function detectAssignedSecrets(text: string): Candidate[] {
  const found: Candidate[] = [];
  for (const m of scan(ASSIGNED, text)) {
    const value = (m[1] ?? '').replace(/\.+$/, '');
    if (value.length < 16 || !hasDigitAndLetter(value) || isPlaceholder(value)) continue;
    if (classSwitchRate(value) < 0.2 || /^\d+(?:\.\d+)*$/.test(value)) continue;
    const end = m.index + m[0].length - ((m[1] ?? '').length - value.length);
    found.push({ category: 'api-key', start: end - value.length, end, rank: 35 });
  }
  return found;
}

const TOKEN = /(?<![\w\-+])[A-Za-z0-9_\-+][A-Za-z0-9_\-+/]{31,}={0,2}/g;
const MAX_SECRET_LENGTH = 512;

/** Long tokens with no known prefix that still look machine-generated. */
export function detectRandomTokens(text: string): Candidate[] {
  const found: Candidate[] = [];
  // Certificates and public keys are base64 that looks random but is public; private keys
  // are reported whole by their own detector. Either way their lines are not tokens.
  const armoured = pemBlocks(text);
  for (const m of scan(TOKEN, text)) {
    if (insideAny(armoured, m.index)) continue;
    const token = m[0].replace(/[=/]+$/, '');
    if (isWordCharAt(text, m.index + m[0].length)) continue;
    if (token.length > MAX_SECRET_LENGTH || !looksRandom(token)) continue;
    const before = contextBefore(text, m.index, 12);
    // Inline images (data:image/png;base64,...) and subresource hashes are data, not keys.
    if (before.endsWith('base64,') || /^sha(?:1|256|384|512)-/.test(token)) continue;
    // Stripe publishable keys are meant to ship in web pages.
    if (/^pk_(?:live|test)_/.test(token)) continue;
    found.push({ category: 'api-key', start: m.index, end: m.index + m[0].length, rank: 30 });
  }
  return found;
}

function looksRandom(token: string): boolean {
  if (classCount(token) < 3 || isPlaceholder(token)) return false;
  if (token.includes('/') && token.split('/').some((segment) => /^[a-z]{3,}$/.test(segment))) return false;
  return classSwitchRate(token) >= 0.3 && shannonEntropy(token) >= 3.5;
}

function insideAny(blocks: readonly PemBlock[], index: number): boolean {
  return blocks.some((b) => index >= b.start && index < b.end);
}
