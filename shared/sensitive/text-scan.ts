// Small helpers shared by the detectors. Every regex a detector runs starts with a
// lookbehind or a literal so it can only begin at a token boundary, and has no nested
// unbounded quantifiers: a scan stays linear on 100 KB of hostile input.

/** Past this many findings from one detector the text is a dump, not a message; stop looking. */
export const MAX_FINDINGS_PER_DETECTOR = 5_000;

export function isWordCode(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
}

export function isWordCharAt(text: string, index: number): boolean {
  return index >= 0 && index < text.length && isWordCode(text.charCodeAt(index));
}

export function isDigitAt(text: string, index: number): boolean {
  const code = index >= 0 && index < text.length ? text.charCodeAt(index) : -1;
  return code >= 48 && code <= 57;
}

/** The few characters before `index` on the same line, lower-cased, for keyword context. */
export function contextBefore(text: string, index: number, width = 32): string {
  const from = Math.max(0, index - width);
  const slice = text.slice(from, index);
  const newline = slice.lastIndexOf('\n');
  return (newline >= 0 ? slice.slice(newline + 1) : slice).toLowerCase();
}

/** Runs a regex globally over `text`, yielding each non-empty match. */
export function* scan(pattern: RegExp, text: string): Generator<RegExpExecArray> {
  const re = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
  let match: RegExpExecArray | null;
  while ((match = re.exec(text)) !== null) {
    if (match[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    yield match;
  }
}

/**
 * Which keyword sits closest before `index` on the same line: one that says "this is the
 * thing" (phone, ssn ...), one that says "this is some other number" (order, invoice ...),
 * or none.
 */
export function keywordContext(text: string, index: number, positive: RegExp, negative: RegExp, width = 32): 'positive' | 'negative' | 'none' {
  const before = contextBefore(text, index, width);
  const lastPositive = lastMatchEnd(positive, before);
  const lastNegative = lastMatchEnd(negative, before);
  if (lastPositive < 0 && lastNegative < 0) return 'none';
  return lastPositive >= lastNegative ? 'positive' : 'negative';
}

function lastMatchEnd(pattern: RegExp, text: string): number {
  let last = -1;
  for (const m of scan(pattern, text)) last = m.index + m[0].length;
  return last;
}

/** Words that introduce a reference number, not a person's data. */
export const OTHER_NUMBER_WORDS =
  /\b(?:order|invoice|inv|ref|reference|ticket|tracking|case|acct|account|serial|sku|isbn|part|model|transaction|txn|confirmation|booking|receipt|po|build|item|batch|lot|id)\b|#/gi;
