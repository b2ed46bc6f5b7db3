import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toEnclaveJson } from '../../shared/export/enclave-json';
import { parseImport } from '../../shared/import/parse-import';
import type { ConversationBundle } from '../../shared/types';
import { bundlesArb } from '../fixtures/export/arbitrary-bundles';
import { SAMPLE_BUNDLES } from '../fixtures/export/sample-bundles';

const now = () => Date.UTC(2025, 0, 1);

/** The parsed file: untyped on purpose, the tests break it freely. */
type Json = ReturnType<typeof JSON.parse>;

function edited(edit: (data: Json) => void): string {
  const data = JSON.parse(toEnclaveJson(SAMPLE_BUNDLES, { now }));
  edit(data);
  return JSON.stringify(data);
}

describe('Enclave export round trip', () => {
  it('export → import → export gives the same bytes for any tree', () => {
    fc.assert(
      fc.property(bundlesArb, (bundles) => {
        const first = toEnclaveJson(bundles, { now });
        const result = parseImport(first);
        if (!result.ok) throw new Error(result.error);
        expect(result.source).toBe('enclave');
        expect(result.warnings).toEqual([]);
        expect(toEnclaveJson(result.bundles, { now })).toBe(first);
      }),
      { numRuns: 200 },
    );
  });

  it('gives back the very bundles that were exported', () => {
    const result = parseImport(toEnclaveJson(SAMPLE_BUNDLES, { now }));
    expect(result).toEqual({ ok: true, source: 'enclave', bundles: SAMPLE_BUNDLES, skipped: [], warnings: [] });
  });

  it('differs between two exports only in exportedAt', () => {
    const a = toEnclaveJson(SAMPLE_BUNDLES, { now: () => 0 });
    const b = toEnclaveJson(SAMPLE_BUNDLES, { now: () => 1 });
    const differing = a.split('\n').filter((line, i) => line !== b.split('\n')[i]);
    expect(differing).toEqual(['  "exportedAt": "1970-01-01T00:00:00.000Z",']);
  });
});

describe('Enclave export import', () => {
  it('refuses a file from a newer Enclave and says what to do', () => {
    expect(parseImport(edited((d) => (d.version = 2)))).toEqual({
      ok: false,
      error: 'This file was exported by a newer Enclave (format version 2); this version reads format version 1. Update Enclave to import it.',
    });
  });

  it('refuses a nonsense version', () => {
    expect(parseImport(edited((d) => (d.version = '1')))).toEqual({ ok: false, error: 'version: expected 1, found "1".' });
  });

  it('skips a conversation with a wrong type, naming the field, and imports the others', () => {
    const result = parseImport(edited((d) => (d.conversations[0].messages[2].role = 'tool')));
    if (!result.ok) throw new Error(result.error);
    expect(result.bundles.map((b) => b.conversation.id)).toEqual(['conv-local']);
    expect(result.skipped).toEqual([
      {
        index: 0,
        title: 'Weekend in Lisbon "plans" <script>alert(\'title\')</script>',
        reason: 'conversations[0].messages[2].role: Invalid option: expected one of "system"|"user"|"assistant"',
      },
    ]);
  });

  it('drops fields that are not in the schema', () => {
    const result = parseImport(
      edited((d) => {
        d.conversations[0].conversation.secret = 'sk-live';
        d.conversations[0].messages[0].apiKey = 'sk-live';
      }),
    );
    if (!result.ok) throw new Error(result.error);
    expect(JSON.stringify(result.bundles)).not.toContain('sk-live');
  });

  it.each([
    [
      'a parent outside the conversation',
      (d: Json) => (d.conversations[0].messages[1].parentId = 'nowhere'),
      0,
      'message "m2" answers message "nowhere", which is not in this conversation.',
    ],
    ['a parent loop', (d: Json) => (d.conversations[0].messages[0].parentId = 'm4'), 0, 'messages form a loop through "m1".'],
    ['a duplicate message id', (d: Json) => (d.conversations[1].messages[1].id = 'l1'), 1, 'message id "l1" appears twice.'],
    [
      'a shown leaf that does not exist',
      (d: Json) => (d.conversations[1].conversation.currentLeafId = 'gone'),
      1,
      'the shown message "gone" (currentLeafId) is not in this conversation.',
    ],
    [
      'a message filed under another conversation',
      (d: Json) => (d.conversations[1].messages[0].conversationId = 'conv-trip'),
      1,
      'message "l1" names conversation "conv-trip", not "conv-local".',
    ],
  ])('skips only the conversation with %s, saying why', (_name, edit, index, reason) => {
    const result = parseImport(edited(edit));
    if (!result.ok) throw new Error(result.error);
    expect(result.skipped).toEqual([{ index, title: index === 0 ? expect.stringMatching(/^Weekend in Lisbon/) : 'Local haiku', reason }]);
    expect(result.bundles).toHaveLength(1);
    expect(result.bundles[0]?.conversation.id).toBe(index === 0 ? 'conv-local' : 'conv-trip');
  });

  it('imports an export with no conversations', () => {
    expect(parseImport(toEnclaveJson([], { now }))).toEqual({ ok: true, source: 'enclave', bundles: [], skipped: [], warnings: [] });
  });

  // Speed is measured by the bench, not here: this proves 20,000 messages survive the round trip.
  it('imports a large export of one long conversation with every message intact', () => {
    const messages = Array.from({ length: 20_000 }, (_, i) => ({
      id: `m${i}`,
      conversationId: 'big',
      parentId: i === 0 ? null : `m${i - 1}`,
      role: i % 2 === 0 ? ('user' as const) : ('assistant' as const),
      content: `message ${i} `.repeat(20),
      status: 'complete' as const,
      createdAt: i,
      updatedAt: i,
    }));
    const bundle: ConversationBundle = {
      conversation: { id: 'big', title: 'Big', createdAt: 0, updatedAt: 0, pinned: false, localOnly: false, currentLeafId: 'm19999' },
      messages,
    };
    const json = toEnclaveJson([bundle], { now });
    const result = parseImport(json);
    if (!result.ok) throw new Error(result.error);
    expect(result.bundles[0]?.messages).toHaveLength(20_000);
    expect(toEnclaveJson(result.bundles, { now })).toBe(json);
  }, 60_000);
});
