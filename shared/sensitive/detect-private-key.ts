// PEM and OpenSSH private key blocks. A header with no key material after it is someone
// talking about keys (`startsWith('-----BEGIN PRIVATE KEY-----')`), not a key.
import type { Candidate } from './categories';
import { pemBlocks } from './pem';

const PRIVATE_TYPE = /^(?:[A-Z0-9]+ ){0,3}PRIVATE KEY(?: BLOCK)?$/;
const KEY_MATERIAL = /[A-Za-z0-9+/=]/;
const MIN_MATERIAL = 40;

export function detectPrivateKeys(text: string): Candidate[] {
  const found: Candidate[] = [];
  let searchFrom = 0;
  for (const block of pemBlocks(text)) {
    if (block.start < searchFrom || !PRIVATE_TYPE.test(block.type)) continue;
    const end = block.footerStart === undefined ? truncatedBodyEnd(text, block.bodyStart) : block.end;
    const bodyEnd = block.footerStart ?? end;
    if (materialCount(text, block.bodyStart, bodyEnd) < MIN_MATERIAL) continue;
    found.push({ category: 'private-key', start: block.start, end, rank: 100 });
    searchFrom = end;
  }
  return found;
}

/** A pasted key cut off before its footer: take the base64 lines (and PEM headers) that follow. */
function truncatedBodyEnd(text: string, from: number): number {
  let end = from;
  let lineStart = from;
  while (lineStart < text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline < 0 ? text.length : newline;
    const line = text.slice(lineStart, lineEnd).trim();
    const isMaterial = /^[A-Za-z0-9+/=]*$/.test(line) || /^(?:Proc-Type|DEK-Info|Comment):/.test(line);
    if (!isMaterial || (line === '' && lineStart > from + 1)) break;
    end = lineEnd;
    lineStart = lineEnd + 1;
  }
  return end;
}

function materialCount(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to && n < MIN_MATERIAL; i++) if (KEY_MATERIAL.test(text.charAt(i))) n++;
  return n;
}
