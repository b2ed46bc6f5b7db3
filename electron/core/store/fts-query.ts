// Turns what a person types into an FTS5 query that can never be a syntax error. Every term is
// a quoted string (FTS5 operators and punctuation lose their meaning; edge punctuation is dropped), "exact phrases" stay
// phrases, a trailing * keeps prefix search, and all parts are ANDed.
// Grammar: https://www.sqlite.org/fts5.html#full_text_query_syntax

export interface QueryPart {
  text: string;
  phrase: boolean;
  prefix: boolean;
}

const WORDY = /[\p{L}\p{N}]/u;

export function parseSearchInput(input: string): QueryPart[] {
  const parts: QueryPart[] = [];
  const pattern = /"([^"]*)"|(\S+)/g;
  for (const match of input.matchAll(pattern)) {
    const phrase = match[1];
    if (phrase !== undefined) {
      if (WORDY.test(phrase)) parts.push({ text: phrase.trim(), phrase: true, prefix: false });
      continue;
    }
    const word = (match[2] ?? '').replaceAll('"', '');
    const prefix = word.endsWith('*');
    // Edge punctuation is noise ("(fox" means fox); inner punctuation may matter ("node.js").
    const text = word
      .replace(/\*+$/u, '')
      .replaceAll('*', ' ')
      .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
    // The index keeps 2- and 3-character prefixes; a 1-character prefix would scan every term
    // (seconds on a large history), so it searches the word itself.
    if (WORDY.test(text)) parts.push({ text, phrase: false, prefix: prefix && [...text].length >= 2 });
  }
  return parts;
}

/** An FTS5 MATCH expression, or undefined when the input holds nothing searchable. */
export function buildFtsQuery(input: string): string | undefined {
  const parts = parseSearchInput(input);
  if (parts.length === 0) return undefined;
  return parts.map((p) => `"${p.text.replaceAll('"', '""')}"${p.prefix ? '*' : ''}`).join(' ');
}
