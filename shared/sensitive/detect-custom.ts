// The user's own words and regular expressions. Plain words match case-insensitively on
// word boundaries. A regex that does not compile, or that could backtrack exponentially
// (a quantified group holding another unbounded quantifier or an alternation, as in
// `(a+)+` or `(a|a)*`), is skipped: redaction must never freeze the composer.
import type { Candidate, CustomPattern } from './categories';
import { MAX_FINDINGS_PER_DETECTOR, isWordCharAt, scan } from './text-scan';

export function detectCustom(text: string, patterns: readonly CustomPattern[]): Candidate[] {
  const found: Candidate[] = [];
  for (const p of patterns) {
    const label = p.label.trim() || p.pattern;
    const spans = p.isRegex ? regexSpans(text, p.pattern) : wordSpans(text, p.pattern);
    for (const [start, end] of spans) found.push({ category: 'custom', start, end, rank: 40, label });
  }
  return found;
}

function wordSpans(text: string, word: string): [number, number][] {
  const needle = word.trim().toLowerCase();
  if (needle === '') return [];
  const haystack = text.toLowerCase();
  // Lower-casing can change length for a few characters (İ); fall back to no match then.
  if (haystack.length !== text.length) return [];
  const startsWord = isWordCharAt(needle, 0);
  const endsWord = isWordCharAt(needle, needle.length - 1);
  const spans: [number, number][] = [];
  let at = haystack.indexOf(needle);
  while (at >= 0 && spans.length < MAX_FINDINGS_PER_DETECTOR) {
    const end = at + needle.length;
    const bounded = !(startsWord && isWordCharAt(text, at - 1)) && !(endsWord && isWordCharAt(text, end));
    if (bounded) spans.push([at, end]);
    at = haystack.indexOf(needle, bounded ? end : at + 1);
  }
  return spans;
}

function regexSpans(text: string, source: string): [number, number][] {
  const re = compileSafely(source);
  if (!re) return [];
  const spans: [number, number][] = [];
  for (const m of scan(re, text)) {
    spans.push([m.index, m.index + m[0].length]);
    if (spans.length >= MAX_FINDINGS_PER_DETECTOR) break;
  }
  return spans;
}

/** Compiles with the flags settings validation uses ('u'), or returns undefined. */
export function compileSafely(source: string): RegExp | undefined {
  if (mayBacktrackExponentially(source)) return undefined;
  try {
    return new RegExp(source, 'gu');
  } catch {
    return undefined;
  }
}

interface GroupState {
  hasUnbounded: boolean;
  hasAlternation: boolean;
}

/** A conservative static check for star height above one; false positives only cost a skipped pattern. */
export function mayBacktrackExponentially(source: string): boolean {
  const stack: GroupState[] = [{ hasUnbounded: false, hasAlternation: false }];
  let closed: GroupState | undefined;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    const top = stack[stack.length - 1]!;
    if (ch === '\\') {
      i++;
      closed = undefined;
      continue;
    }
    if (ch === '[') {
      i = classEnd(source, i);
      closed = undefined;
      continue;
    }
    if (ch === '(') {
      stack.push({ hasUnbounded: false, hasAlternation: false });
      closed = undefined;
      continue;
    }
    if (ch === ')') {
      closed = stack.length > 1 ? stack.pop() : undefined;
      const parent = stack[stack.length - 1]!;
      parent.hasUnbounded ||= closed?.hasUnbounded ?? false;
      parent.hasAlternation ||= closed?.hasAlternation ?? false;
      continue;
    }
    if (ch === '|') top.hasAlternation = true;
    const unbounded = ch === '*' || ch === '+' || (ch === '{' && /^\{\d*,\}/.test(source.slice(i, i + 12)));
    // A repeated count ({20}) over a group with a star is polynomial of that degree: as bad.
    const repeats = unbounded || ch === '{';
    if (repeats && closed && (closed.hasUnbounded || (unbounded && closed.hasAlternation))) return true;
    if (unbounded) top.hasUnbounded = true;
    if (ch !== '?') closed = undefined;
  }
  return false;
}

function classEnd(source: string, open: number): number {
  for (let i = open + 1; i < source.length; i++) {
    if (source[i] === '\\') i++;
    else if (source[i] === ']') return i;
  }
  return source.length;
}
