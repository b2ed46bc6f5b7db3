// Hostile and broken files: parseImport must answer every one without throwing, and an
// error answer must carry no data at all.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toEnclaveJson } from '../../shared/export/enclave-json';
import { toHtml } from '../../shared/export/html';
import { parseImport } from '../../shared/import/parse-import';
import type { ImportResult } from '../../shared/import/import-result';
import { SAMPLE_BUNDLES } from '../fixtures/export/sample-bundles';

const files = {
  enclave: toEnclaveJson(SAMPLE_BUNDLES, { now: () => 0 }),
  chatgpt: readFileSync(new URL('../fixtures/import/chatgpt-conversations.json', import.meta.url), 'utf8'),
  claude: readFileSync(new URL('../fixtures/import/claude-conversations.json', import.meta.url), 'utf8'),
};

const EXPECTED =
  'Expected an Enclave export, conversations.json from a ChatGPT or Claude data export, a Chatbox backup, or a JSON chat with "messages"';

/** A failure is exactly { ok: false, error } with a sentence in it: no bundles, no warnings. */
function expectCleanFailure(result: ImportResult): void {
  expect(Object.keys(result).sort()).toEqual(['error', 'ok']);
  expect(result.ok).toBe(false);
  if (!result.ok) {
    expect(result.error.length).toBeGreaterThan(10);
    // The catch-all answer means a converter threw: a bug, even though the caller is safe.
    expect(result.error).not.toMatch(/^The file could not be imported/);
  }
}

/** Runs parseImport and fails the test if it throws. */
function answer(text: string, opts?: Parameters<typeof parseImport>[1]): ImportResult {
  let result: ImportResult | undefined;
  expect(() => (result = parseImport(text, opts))).not.toThrow();
  return result as ImportResult;
}

/** Every JSON path in a value, for picking a place to break. */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return [prefix];
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  return [prefix, ...entries.flatMap(([k, v]) => paths(v, [...prefix, k]))];
}

function replaceAt(root: unknown, path: (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value;
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path[path.length - 1] as string | number] = value;
  return copy;
}

describe('parseImport on broken input', () => {
  for (const [source, text] of Object.entries(files)) {
    it(`refuses ${source} files cut off at any point, without data`, () => {
      const full = answer(text);
      expect(full.ok).toBe(true);
      const step = Math.max(1, Math.floor(text.length / 400));
      for (let cut = 0; cut < text.length; cut += step) {
        const result = answer(text.slice(0, cut));
        if (text.slice(cut).trim() === '') expect(result).toEqual(full);
        else expectCleanFailure(result);
      }
    });

    it(`never throws when any value in a ${source} file has the wrong type`, () => {
      const parsed: unknown = JSON.parse(text);
      const places = paths(parsed);
      fc.assert(
        fc.property(fc.nat({ max: places.length - 1 }), fc.jsonValue({ maxDepth: 3 }), (at, value) => {
          const result = answer(JSON.stringify(replaceAt(parsed, places[at] as (string | number)[], value)));
          if (!result.ok) expectCleanFailure(result);
          else expect(Array.isArray(result.bundles)).toBe(true);
        }),
        { numRuns: 300 },
      );
    });
  }

  it('answers every kind of JSON value and non-JSON text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.json(), fc.string({ unit: 'binary' })), (text) => {
        const result = answer(text);
        if (!result.ok) expectCleanFailure(result);
      }),
      { numRuns: 500 },
    );
  });

  it.each([
    ['', 'The file is empty.'],
    ['\uFEFF  \n', 'The file is empty.'],
    ['[]', 'The file holds an empty list: there are no conversations to import.'],
    ['null', `${EXPECTED}; found null.`],
    ['{"format":"something.else"}', `${EXPECTED}; found an object with format "something.else".`],
    ['[{"title":"x"}]', `conversations[0]: ${EXPECTED}; this item has neither "mapping" (ChatGPT), "chat_messages" (Claude) nor "messages".`],
  ])('explains what is wrong with %j', (text, error) => {
    expect(answer(text)).toEqual({ ok: false, error });
  });

  it('refuses 100,000 levels of nesting before JSON.parse sees them', () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    expect(answer(deep)).toEqual({
      ok: false,
      error: 'The file nests deeper than 64 levels (at character 64); no export does that.',
    });
    const deepInside = files.enclave.replace('"conversations": [', `"extra": ${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}, "conversations": [`);
    const result = answer(deepInside);
    expectCleanFailure(result);
    if (!result.ok) expect(result.error).toMatch(/^The file nests deeper than 64 levels/);
  });

  it('does not count brackets inside strings as nesting', () => {
    const data = JSON.parse(files.claude);
    data[0].chat_messages[0].text = `${'[{'.repeat(50_000)} "\\" ]`;
    data[0].chat_messages[0].content = [];
    const result = answer(JSON.stringify(data));
    if (!result.ok) throw new Error(result.error);
    expect(result.bundles[0]?.messages[0]?.content.startsWith('[{[{')).toBe(true);
  });
});

describe('parseImport size limits', () => {
  it('refuses a file over the default 200 MB at once', () => {
    // 'x'.repeat builds a rope, so this costs no real memory; the guard looks at length first.
    const huge = 'x'.repeat(200 * 1024 * 1024 + 1);
    const started = performance.now();
    expect(answer(huge)).toEqual({ ok: false, error: 'The file is larger than the import limit of 200.0 MB.' });
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('counts UTF-8 bytes, not characters', () => {
    // 101 M characters of "é" are 202 MB in UTF-8: under the limit by length, over it in bytes.
    const wide = `"${'é'.repeat(101 * 1024 * 1024)}"`;
    expect(answer(wide)).toEqual({ ok: false, error: 'The file is larger than the import limit of 200.0 MB.' });
  });

  it('honours a smaller maxBytes exactly at the boundary', () => {
    const bytes = new TextEncoder().encode(files.chatgpt).length;
    expect(answer(files.chatgpt, { maxBytes: bytes }).ok).toBe(true);
    expect(answer(files.chatgpt, { maxBytes: bytes - 1 })).toEqual({
      ok: false,
      error: `The file is larger than the import limit of ${((bytes - 1) / 1024).toFixed(1)} KB.`,
    });
  });

  it('skips a conversation holding a string longer than a message may be, naming it', () => {
    const data = JSON.parse(files.claude);
    data[0].chat_messages[1].content[0].text = 'a'.repeat(2_000_001);
    const result = answer(JSON.stringify(data));
    if (!result.ok) throw new Error(result.error);
    expect(result.skipped).toEqual([
      { index: 0, title: 'Regex for dates', reason: 'conversations[0].chat_messages[1].content[0].text: Too big: expected string to have <=2000000 characters' },
    ]);
    expect(result.bundles.length).toBe(data.length - 1);
  });

  it('skips a conversation with more messages than the limit', () => {
    const data = JSON.parse(files.claude);
    const template = data[0].chat_messages[2];
    data[0].chat_messages = Array.from({ length: 50_001 }, (_, i) => ({ ...template, uuid: `m${i}` }));
    const result = answer(JSON.stringify(data));
    if (!result.ok) throw new Error(result.error);
    expect(result.skipped[0]?.reason).toMatch(/^conversations\[0\]\.chat_messages: Too big/);
    expect(result.bundles.length).toBe(data.length - 1);
  });
});

describe('imported markup stays text all the way to the HTML export', () => {
  it('keeps <script> from a ChatGPT title and message out of the HTML as markup', () => {
    const data = JSON.parse(files.chatgpt);
    data[0].title = '<script>alert("title")</script>';
    data[0].mapping['u-1'].message.content.parts = ['<img src=x onerror=alert(1)><script>alert(2)</script>'];
    const result = answer(JSON.stringify(data));
    if (!result.ok) throw new Error(result.error);
    expect(result.bundles[0]?.conversation.title).toBe('<script>alert("title")</script>');
    const html = toHtml(result.bundles, { branches: 'all' });
    expect(html).not.toMatch(/<script|<img/i);
    expect(html).toContain('&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt;');
  });
});
