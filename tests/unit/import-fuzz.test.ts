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
  chatbox: readFileSync(new URL('../fixtures/import/chatbox-backup.json', import.meta.url), 'utf8'),
  messages: readFileSync(new URL('../fixtures/import/messages-transcripts.json', import.meta.url), 'utf8'),
};

/** Where conversation `index` lives in each file, and how to find it again in the result. */
const itemPath: Record<keyof typeof files, (data: Record<string, unknown>, index: number) => (string | number)[]> = {
  enclave: (_d, i) => ['conversations', i],
  chatgpt: (_d, i) => [i],
  claude: (_d, i) => [i],
  messages: (_d, i) => [i],
  chatbox: (d, i) => [Object.keys(d).filter((k) => k.startsWith('session:'))[i] as string],
};

const EXPECTED = 'Expected an Enclave export, conversations.json from a ChatGPT or Claude data export, a Chatbox backup, or a JSON chat with "messages"';

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

/** Which item of the file a clean bundle came from (a Chatbox session can give several). */
function bundleItem(source: keyof typeof files, bundles: readonly { conversation: { id: string } }[], index: number): number {
  if (source !== 'chatbox') return index;
  const data = JSON.parse(files.chatbox) as Record<string, { id: string; threads?: { id: string }[] }>;
  const sessions = Object.keys(data)
    .filter((k) => k.startsWith('session:'))
    .map((k) => data[k] as { id: string; threads?: { id: string }[] });
  const id = bundles[index]?.conversation.id;
  return sessions.findIndex((s) => s.id === id || (s.threads ?? []).some((t) => t.id === id));
}

describe('parseImport on broken input', () => {
  for (const [source, text] of Object.entries(files) as [keyof typeof files, string][]) {
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

    it(`a bad value inside one ${source} conversation never costs another one`, () => {
      const parsed = JSON.parse(text) as Record<string, unknown>;
      const clean = answer(text);
      if (!clean.ok) throw new Error(clean.error);
      const sessions = source === 'chatbox' ? Object.keys(parsed).filter((k) => k.startsWith('session:')).length : 0;
      const count = source === 'enclave' ? (parsed.conversations as unknown[]).length : source === 'chatbox' ? sessions : (parsed as unknown as unknown[]).length;
      fc.assert(
        fc.property(fc.nat({ max: count - 1 }), fc.nat(), fc.jsonValue({ maxDepth: 2 }), (victim, pick, value) => {
          const base = itemPath[source](parsed, victim);
          let target: unknown = parsed;
          for (const key of base) target = (target as Record<string | number, unknown>)[key];
          const inside = paths(target).filter((p) => p.length > 0);
          const at = [...base, ...(inside[pick % inside.length] as (string | number)[])];
          const result = answer(JSON.stringify(replaceAt(parsed, at, value)));
          if (!result.ok) throw new Error(`the whole file was refused: ${result.error}`);
          // Every conversation the clean file gave that is not the victim arrives unchanged.
          const kept = new Map(result.bundles.map((b) => [b.conversation.id, b]));
          const victimIds = new Set(clean.bundles.filter((_, i) => bundleItem(source, clean.bundles, i) === victim).map((b) => b.conversation.id));
          for (const bundle of clean.bundles) {
            if (victimIds.has(bundle.conversation.id)) continue;
            expect(kept.get(bundle.conversation.id)).toEqual(bundle);
          }
        }),
        { numRuns: 150 },
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

describe('timestamps from a file are checked at the boundary', () => {
  const badTimes = fc.oneof(
    fc.constant(2 ** 60),
    fc.constant(-1),
    fc.constant(9.1e15),
    fc.constant(1e300),
    fc.double({ min: 253_402_300_800_000, max: 1e20, noNaN: true }),
    fc.integer({ min: -1e15, max: -1 }),
  );

  it('replaces any out-of-range Enclave time with a valid one and warns, keeping every message', () => {
    const parsed = JSON.parse(files.enclave);
    const timePaths = paths(parsed).filter((p) => ['createdAt', 'updatedAt', 'deletedAt'].includes(String(p.at(-1))) && p.includes('conversations'));
    fc.assert(
      fc.property(fc.subarray(timePaths, { minLength: 1 }), badTimes, (chosen, bad) => {
        let data: unknown = parsed;
        for (const p of chosen) data = replaceAt(data, p, bad);
        const result = answer(JSON.stringify(data));
        if (!result.ok) throw new Error(result.error);
        expect(result.bundles.flatMap((b) => b.messages)).toHaveLength(SAMPLE_BUNDLES.flatMap((b) => b.messages).length);
        for (const b of result.bundles) {
          const times = [b.conversation.createdAt, b.conversation.updatedAt, ...b.messages.flatMap((m) => [m.createdAt, m.updatedAt])];
          for (const t of times) expect(t >= 0 && t <= 253_402_300_799_000 && Number.isSafeInteger(t)).toBe(true);
        }
        expect(result.warnings.some((w) => w.includes('out of range'))).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it('treats a ChatGPT create_time of 9.1e12 seconds as missing, not as year 290,000', () => {
    const data = JSON.parse(files.chatgpt);
    data[0].mapping['u-1'].message.create_time = 9.1e12;
    data[0].create_time = 9.1e12;
    const result = answer(JSON.stringify(data));
    if (!result.ok) throw new Error(result.error);
    const iceland = result.bundles[0];
    expect(iceland?.conversation.createdAt).toBeLessThan(253_402_300_799_000);
    expect(iceland?.messages[0]?.createdAt).toBe(iceland?.conversation.createdAt);
  });
});
