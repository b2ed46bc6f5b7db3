import { openDb } from '../../electron/core/store/driver';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildFtsQuery, parseSearchInput } from '../../electron/core/store/fts-query';

describe('search input → FTS5 query', () => {
  it('quotes every word so operators are just words', () => {
    expect(buildFtsQuery('cats AND dogs')).toBe('"cats" "AND" "dogs"');
    expect(buildFtsQuery('NOT (x OR y)')).toBe('"NOT" "x" "OR" "y"');
    expect(buildFtsQuery('node.js c++')).toBe('"node.js" "c"');
  });

  it('keeps "exact phrases" as phrases and word* as a prefix', () => {
    expect(parseSearchInput('"red fox" jump*')).toEqual([
      { text: 'red fox', phrase: true, prefix: false },
      { text: 'jump', phrase: false, prefix: true },
    ]);
    expect(buildFtsQuery('"red fox" jump*')).toBe('"red fox" "jump"*');
  });

  it('searches a one-letter prefix as the word itself, so typing "a*" stays fast', () => {
    expect(buildFtsQuery('a*')).toBe('"a"');
    expect(buildFtsQuery('ab*')).toBe('"ab"*');
    expect(buildFtsQuery('é*')).toBe('"é"');
  });

  it('reads an unclosed quote as plain words', () => {
    expect(buildFtsQuery('"red fox')).toBe('"red" "fox"');
  });

  it('finds nothing to search in punctuation alone', () => {
    for (const input of ['', '   ', '"', '""', '*', '"*"', '( ) - ^ :', 'AND OR NOT ('.replace(/[A-Z]/g, '')]) {
      expect(buildFtsQuery(input)).toBeUndefined();
    }
  });

  it('never builds a query FTS5 rejects, whatever is typed', () => {
    const db = openDb(':memory:', { key: 'plaintext' });
    db.exec(`CREATE VIRTUAL TABLE t USING fts5(content, tokenize = 'unicode61 remove_diacritics 2');
      INSERT INTO t VALUES ('the quick brown fox'), ('AND OR NOT NEAR');`);
    const match = db.prepare('SELECT count(*) AS n FROM t WHERE t MATCH ?');
    const hostile = fc.constantFrom('"', '*', '(', ')', 'AND', 'OR', 'NOT', 'NEAR', ':', '^', '-', '+', '{', '}', ' ', 'fox', 'qu*', '""', "'");
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'grapheme' }),
          fc.array(hostile).map((a) => a.join('')),
        ),
        (input) => {
          const query = buildFtsQuery(input);
          if (query !== undefined) expect(() => match.get(query)).not.toThrow();
        },
      ),
      { numRuns: 500 },
    );
    db.close();
  });
});
