// Phone numbers: international (+CC ...), North American (NANP) and trunk-0 national
// formats. A bare run of digits is a phone only when a word like "call" or "tel" says so;
// "order", "invoice" or "#" before a number says it is something else.
import type { Candidate } from './categories';
import { OTHER_NUMBER_WORDS, isDigitAt, isWordCharAt, keywordContext, scan } from './text-scan';

const PHONE_WORDS = /\b(?:phone|tel|telephone|call|calling|mobile|mob|cell|cellphone|fax|whatsapp|sms|text me|reach me|ring|dial|contact|hotline|landline|phone number)\b|☎|📞/gi;

const INTERNATIONAL = /(?<![\w+])\+\d{1,3}(?:[ .-]?\(\d{1,4}\))?(?:[ .-]?\d){6,14}(?!\d)/g;
const NANP_PLAIN = /(?<![\w+\-.])(?:1[ .-])?([2-9]\d{2})([ .-])[2-9]\d{2}\2\d{4}(?!\d)/g;
const NANP_PARENS = /(?<![\w+\-.])(?:1[ .-]?)?\([2-9]\d{2}\)[ ]?[2-9]\d{2}[ .-]\d{4}(?!\d)/g;
const TRUNK_ZERO = /(?<![\w+\-./])0\d{1,4}(?:[ .-]\d{2,6}){1,4}(?!\d)/g;
/** Only with a phone word before it: any 7-15 digit run, separated or not. */
const WITH_KEYWORD = /(?<![\w+\-.])[+(]?\d[\d ().-]{5,20}\d(?!\d)/g;

export function detectPhones(text: string): Candidate[] {
  const found: Candidate[] = [];
  const add = (start: number, end: number) => found.push({ category: 'phone', start, end, rank: 50 });
  const context = (start: number) => keywordContext(text, start, PHONE_WORDS, OTHER_NUMBER_WORDS);

  for (const m of scan(INTERNATIONAL, text)) {
    if (endsCleanly(text, m) && digitCount(m[0]) >= 8 && digitCount(m[0]) <= 15 && context(m.index) !== 'negative') {
      add(m.index, m.index + m[0].length);
    }
  }
  for (const pattern of [NANP_PLAIN, NANP_PARENS]) {
    for (const m of scan(pattern, text)) {
      if (endsCleanly(text, m) && context(m.index) !== 'negative') add(m.index, m.index + m[0].length);
    }
  }
  for (const m of scan(TRUNK_ZERO, text)) {
    const digits = digitCount(m[0]);
    const ctx = context(m.index);
    const sized = ctx === 'positive' ? digits >= 9 && digits <= 13 : digits >= 10 && digits <= 11;
    if (endsCleanly(text, m) && sized && ctx !== 'negative' && consistentSeparators(m[0])) {
      add(m.index, m.index + m[0].length);
    }
  }
  for (const m of scan(WITH_KEYWORD, text)) {
    const trimmed = m[0].replace(/[ .\-(]+$/, '');
    const digits = digitCount(trimmed);
    // Unformatted runs past 12 digits are ISBNs, EANs and ids; a real one that long has a '+'.
    const max = trimmed.startsWith('+') || /[ ().-]/.test(trimmed) ? 15 : 12;
    if (digits >= 7 && digits <= max && context(m.index) === 'positive') add(m.index, m.index + trimmed.length);
  }
  return found;
}

function digitCount(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (isDigitAt(s, i)) n++;
  return n;
}

/** Not glued to a following word or decimal ("555-0199abc", "0123 4567.89"). */
function endsCleanly(text: string, m: RegExpExecArray): boolean {
  const end = m.index + m[0].length;
  if (isWordCharAt(text, end)) return false;
  return !((text[end] === '.' || text[end] === ',' || text[end] === '-') && isDigitAt(text, end + 1));
}

/** "020 7946 0958" and "06.12.34.56.78" use one separator; "01-02 2024.5" is not a phone. */
function consistentSeparators(s: string): boolean {
  const seps = new Set(s.replace(/\d/g, ''));
  return seps.size <= 1;
}
