// Titles and search snippets show words, not Markdown marks.
import { describe, expect, test } from 'vitest';
import { markdownToPlain } from '../../shared/plain-text';
import { titleFromText } from '../../electron/core/store/auto-title';
import { countLabel } from '../../renderer/features/history/format';

describe('Markdown as plain words', () => {
  test('drops heading, emphasis, code, link and list marks and keeps the words', () => {
    expect(markdownToPlain('## Part 1: reading a **stream**')).toBe('Part 1: reading a stream');
    expect(markdownToPlain('- use `fetch` with *care*\n- see [the docs](https://example.com)')).toBe('use fetch with care see the docs');
    expect(markdownToPlain('> quoted _aside_ and ~~gone~~')).toBe('quoted aside and gone');
    expect(markdownToPlain('1. first\n2) second\n- [x] done')).toBe('first second done');
  });

  test('a table becomes its cells, without the separator row', () => {
    expect(markdownToPlain('| Provider | Framing |\n| --- | :---: |\n| Ollama | NDJSON |')).toBe('Provider · Framing Ollama · NDJSON');
  });

  test('keeps what only looks like Markdown: snake_case, 2*3*4, a lone asterisk', () => {
    expect(markdownToPlain('call read_file_now with 2*3*4 items * maybe')).toBe('call read_file_now with 2*3*4 items * maybe');
  });

  test('keeps search match markers in place', () => {
    expect(markdownToPlain('…the **\u0001zeppelin\u0002** museum')).toBe('…the \u0001zeppelin\u0002 museum');
  });

  test('a conversation titled from a Markdown question reads as words', () => {
    expect(titleFromText('## How do I **parse** `SSE` frames?')).toBe('How do I parse SSE frames?');
    expect(titleFromText('```\ncode only first\n```\nthen a question')).toBe('code only first');
  });
});

describe('counts in words', () => {
  test('plural of words ending in ch, sh, s, x: "13 matches", not "13 matchs"', () => {
    expect(countLabel(13, 'match')).toBe('13 matches');
    expect(countLabel(1, 'match')).toBe('1 match');
    expect(countLabel(2, 'box')).toBe('2 boxes');
    expect(countLabel(0, 'conversation')).toBe('0 conversations');
  });
});
