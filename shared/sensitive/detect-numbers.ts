// Numbers with a checksum or numbering rule: payment cards (Luhn + issuer prefix), IBANs
// (country length + mod 97) and US Social Security numbers (SSA rules).
import type { Candidate } from './categories';
import { cardSchemeMatches, ibanLength, ibanValid, luhnValid, ssnValid } from './checksums';
import { OTHER_NUMBER_WORDS, isDigitAt, isWordCharAt, keywordContext, scan } from './text-scan';

/** Runs of digit groups joined by single spaces or dashes: "4111 1111 1111 1111". */
const DIGIT_RUN = /(?<![\w.,-])\d+(?:[ -]\d+)*/g;

interface Group {
  start: number;
  end: number;
  separator: string;
}

export function detectCards(text: string): Candidate[] {
  const found: Candidate[] = [];
  for (const m of scan(DIGIT_RUN, text)) {
    const end = m.index + m[0].length;
    if (isWordCharAt(text, end) || (text[end] === '.' && isDigitAt(text, end + 1))) continue;
    const groups = splitGroups(m[0], m.index);
    for (let i = 0; i < groups.length;) {
      const j = longestCardFrom(text, groups, i);
      if (j < 0) {
        i++;
        continue;
      }
      found.push({ category: 'payment-card', start: groups[i]!.start, end: groups[j]!.end, rank: 90 });
      i = j + 1;
    }
  }
  return found;
}

function splitGroups(run: string, offset: number): Group[] {
  const groups: Group[] = [];
  for (const g of scan(/\d+/g, run)) {
    const separator = g.index > 0 ? run.charAt(g.index - 1) : '';
    groups.push({ start: offset + g.index, end: offset + g.index + g[0].length, separator });
  }
  return groups;
}

/** Index of the last group of the longest valid card starting at group i, or -1. */
function longestCardFrom(text: string, groups: readonly Group[], i: number): number {
  let best = -1;
  let digits = '';
  for (let j = i; j < groups.length; j++) {
    const g = groups[j]!;
    if (j > i && g.separator !== groups[i + 1]!.separator) break;
    digits += text.slice(g.start, g.end);
    if (digits.length > 19) break;
    const grouped = j === i || groupSizesLookLikeCard(groups, i, j);
    if (digits.length >= 13 && grouped && cardSchemeMatches(digits) && luhnValid(digits)) best = j;
  }
  return best;
}

/** Printed cards group as 4-4-4-4(-3), 4-6-5 or 4-6-4: the first group is four digits. */
function groupSizesLookLikeCard(groups: readonly Group[], i: number, j: number): boolean {
  if (groups[i]!.end - groups[i]!.start !== 4) return false;
  for (let k = i + 1; k <= j; k++) {
    const size = groups[k]!.end - groups[k]!.start;
    if (size < 3 || size > 6) return false;
  }
  return true;
}

const IBAN = /(?<![A-Za-z0-9])[A-Z]{2}\d{2}(?: ?[A-Z0-9]){11,30}/g;

export function detectIbans(text: string): Candidate[] {
  const found: Candidate[] = [];
  for (const m of scan(IBAN, text)) {
    const length = ibanLength(m[0].slice(0, 2));
    if (length === undefined) continue;
    const end = endAfterChars(m[0], length);
    if (end < 0) continue;
    const candidate = m[0].slice(0, end);
    if (isWordCharAt(text, m.index + end) || !ibanValid(candidate)) continue;
    found.push({ category: 'iban', start: m.index, end: m.index + end, rank: 90 });
  }
  return found;
}

/** Offset just past the n-th non-space character, or -1 when the string is shorter. */
function endAfterChars(s: string, n: number): number {
  let seen = 0;
  for (let i = 0; i < s.length; i++) {
    if (s[i] !== ' ') seen++;
    if (seen === n) return i + 1;
  }
  return -1;
}

const SSN_WORDS = /\b(?:ssn|ssns|social security(?: number| no\.?)?|soc\.? ?sec|ss#|ss no|taxpayer(?: id(?:entification)?)?(?: number)?|tax id|tin)\b/gi;
const SSN = /(?<![\w\-./])(\d{3})([- ]?)(\d{2})\2(\d{4})(?![\w-]|\.\d)/g;

export function detectSsns(text: string): Candidate[] {
  const found: Candidate[] = [];
  for (const m of scan(SSN, text)) {
    const [, area = '', separator, group = '', serial = ''] = m;
    if (!ssnValid(area, group, serial)) continue;
    const context = keywordContext(text, m.index, SSN_WORDS, OTHER_NUMBER_WORDS);
    // Dashed 3-2-4 is the SSN's own shape; spaced or bare nine digits need the word "SSN".
    const accepted = separator === '-' ? context !== 'negative' : context === 'positive';
    if (accepted) found.push({ category: 'us-ssn', start: m.index, end: m.index + m[0].length, rank: 90 });
  }
  return found;
}
