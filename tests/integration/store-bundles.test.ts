import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StoreDb } from '../../electron/core/store/driver';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConversationBundle, Message } from '../../shared/types';
import { createConversationStore, type ConversationStore } from '../../electron/core/store/conversation-store';
import { closeDatabase, openDatabase } from '../../electron/core/store/database';
import { BundleImportError } from '../../electron/core/store/store-error';
import { TEST_DB_KEY } from '../support/db-key';

let dir: string;
let opened: Array<{ db: StoreDb; store: ConversationStore }> = [];
let counter = 0;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'enclave-bundles-'));
});
afterEach(() => {
  for (const { db, store } of opened) {
    store.close();
    closeDatabase(db);
  }
  opened = [];
  rmSync(dir, { recursive: true, force: true });
});

function freshStore(): ConversationStore {
  return freshDatabase().store;
}

function freshDatabase(): { db: StoreDb; store: ConversationStore } {
  const { db } = openDatabase(join(dir, `db-${counter++}.sqlite`), { key: TEST_DB_KEY });
  const store = createConversationStore(db);
  opened.push({ db, store });
  return { db, store };
}

const timestamp = fc.integer({ min: 0, max: 4_000_000_000_000 });
const text = fc.string({ unit: 'grapheme', maxLength: 40 });
const optionalMessageFields = fc.record(
  {
    reasoning: text,
    model: fc.record(
      { connectionId: fc.string({ minLength: 1 }), modelId: fc.string({ minLength: 1 }), connectionName: text, kind: fc.constantFrom('openai' as const, 'ollama' as const) },
      { requiredKeys: ['connectionId', 'modelId'] },
    ),
    error: fc.record(
      { kind: fc.constantFrom('auth' as const, 'stalled' as const), message: text, status: fc.integer({ min: 100, max: 599 }) },
      { requiredKeys: ['kind', 'message'] },
    ),
    usage: fc.record({ inputTokens: fc.nat(), outputTokens: fc.nat(), reasoningTokens: fc.nat() }, { requiredKeys: [] }),
    costUsd: fc.nat({ max: 1_000_000 }).map((n) => n / 1000),
    timing: fc.record({ firstTokenMs: fc.nat(), totalMs: fc.nat() }, { requiredKeys: [] }),
    attachments: fc.array(
      fc.record({
        id: fc.uuid(),
        name: text,
        mimeType: fc.constantFrom('image/png', 'text/plain'),
        size: fc.nat(),
        data: fc.base64String(),
        kind: fc.constantFrom('image' as const, 'text' as const),
      }),
      { maxLength: 2 },
    ),
  },
  { requiredKeys: [] },
);

/** One conversation: message i answers null or an earlier message, so the tree is valid. */
const bundleArb = (index: number): fc.Arbitrary<ConversationBundle> =>
  fc.integer({ min: 0, max: 12 }).chain((size) =>
    fc
      .record({
        conversation: fc.record(
          {
            title: text,
            createdAt: timestamp,
            updatedAt: timestamp,
            pinned: fc.boolean(),
            localOnly: fc.boolean(),
            systemPrompt: text,
            deletedAt: timestamp,
            leaf: fc.option(fc.nat({ max: Math.max(0, size - 1) })),
          },
          { requiredKeys: ['title', 'createdAt', 'updatedAt', 'pinned', 'localOnly', 'leaf'] },
        ),
        messages: fc.tuple(
          ...Array.from({ length: size }, (_, i) =>
            fc.record({
              parent: fc.option(fc.nat({ max: Math.max(0, i - 1) }), { freq: 3 }),
              role: fc.constantFrom('system' as const, 'user' as const, 'assistant' as const),
              content: fc.string({ unit: 'grapheme', maxLength: 200 }),
              status: fc.constantFrom('complete' as const, 'streaming' as const, 'interrupted' as const, 'error' as const),
              createdAt: timestamp,
              updatedAt: timestamp,
              extra: optionalMessageFields,
            }),
          ),
        ),
      })
      .map(({ conversation: { leaf, ...conversation }, messages }) => {
        const conversationId = `conv-${index}`;
        const ids = messages.map((_, i) => `msg-${index}-${i}`);
        return {
          conversation: { ...conversation, id: conversationId, currentLeafId: leaf === null || size === 0 ? null : (ids[leaf] ?? null) },
          messages: messages.map((m, i): Message => ({
            id: ids[i] ?? '',
            conversationId,
            parentId: i === 0 || m.parent === null ? null : (ids[m.parent] ?? null),
            role: m.role,
            content: m.content,
            status: m.status,
            createdAt: m.createdAt,
            updatedAt: m.updatedAt,
            ...m.extra,
          })),
        };
      }),
  );

const bundlesArb = fc.integer({ min: 1, max: 4 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => bundleArb(i))));

/** Ids replaced by their position, so bundles that differ only in ids compare equal. */
function withoutIds(bundles: ConversationBundle[]) {
  return bundles.map(({ conversation, messages }) => {
    const position = new Map(messages.map((m, i) => [m.id, i]));
    const at = (id: string | null) => (id === null ? null : position.get(id));
    return {
      conversation: { ...conversation, id: 'x', currentLeafId: at(conversation.currentLeafId) },
      messages: messages.map((m) => ({ ...m, id: at(m.id), conversationId: 'x', parentId: at(m.parentId) })),
    };
  });
}

const sortedById = (bundles: ConversationBundle[]) => bundles.map((b) => ({ ...b, messages: [...b.messages].sort((x, y) => x.id.localeCompare(y.id)) }));

describe('export and import', () => {
  it('round-trips any conversation trees exactly into a fresh database', () => {
    fc.assert(
      fc.property(bundlesArb, (bundles) => {
        const ids = bundles.map((b) => b.conversation.id);
        const first = freshStore();
        expect(first.importBundles(bundles)).toEqual({ conversations: bundles.length, messages: bundles.reduce((n, b) => n + b.messages.length, 0) });
        const exported = first.exportBundles(ids);
        expect(sortedById(exported)).toEqual(sortedById(bundles));

        const second = freshStore();
        second.importBundles(exported);
        expect(second.exportBundles(ids)).toEqual(exported);
      }),
      { numRuns: 60 },
    );
  });

  it('gives colliding ids fresh ones and remaps every link to them', () => {
    fc.assert(
      fc.property(bundlesArb, (bundles) => {
        const { db, store } = freshDatabase();
        store.importBundles(bundles);
        const before = store.exportBundles(bundles.map((b) => b.conversation.id));
        const existing = new Set(before.flatMap((b) => [b.conversation.id, ...b.messages.map((m) => m.id)]));

        store.importBundles(before);
        const allIds = db
          .prepare('SELECT id FROM conversations')
          .all()
          .map((r) => String((r as { id: string }).id));
        const copies = store.exportBundles(allIds.filter((id) => !existing.has(id)));
        expect(copies).toHaveLength(before.length);
        for (const copy of copies) for (const m of copy.messages) expect(existing.has(m.id)).toBe(false);
        const canonical = (list: ConversationBundle[]) => withoutIds(list).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
        expect(canonical(copies)).toEqual(canonical(before));
      }),
      { numRuns: 30 },
    );
  });
});

describe('import is all or nothing', () => {
  const good = (n: number): ConversationBundle => ({
    conversation: { id: `c${n}`, title: `chat ${n}`, createdAt: 1, updatedAt: 2, pinned: false, localOnly: false, currentLeafId: `m${n}b` },
    messages: [
      { id: `m${n}a`, conversationId: `c${n}`, parentId: null, role: 'user', content: 'hi', status: 'complete', createdAt: 1, updatedAt: 1 },
      { id: `m${n}b`, conversationId: `c${n}`, parentId: `m${n}a`, role: 'assistant', content: 'hello', status: 'complete', createdAt: 2, updatedAt: 2 },
    ],
  });

  const cases: Array<[string, ConversationBundle, string]> = [
    ['a broken parent link', { ...good(1), messages: [good(1).messages[0] as Message, { ...(good(1).messages[1] as Message), parentId: 'ghost' }] }, 'broken-parent'],
    [
      'a message id repeated within it',
      {
        ...good(1),
        messages: [good(1).messages[0] as Message, { ...(good(1).messages[1] as Message), id: 'm1a', parentId: null }],
        conversation: { ...good(1).conversation, currentLeafId: null },
      },
      'duplicate-message',
    ],
    ['a parent cycle', { ...good(1), messages: [{ ...(good(1).messages[0] as Message), parentId: 'm1b' }, good(1).messages[1] as Message] }, 'parent-cycle'],
    [
      'a row the database refuses',
      { ...good(1), messages: [{ ...(good(1).messages[0] as Message), role: null as unknown as Message['role'] }], conversation: { ...good(1).conversation, currentLeafId: null } },
      'database',
    ],
  ];

  it.each(cases)('writes nothing when the middle bundle has %s', (_name, bad, kind) => {
    const store = freshStore();
    const progress: number[] = [];
    let error: unknown;
    try {
      store.importBundles([good(0), bad, good(2)], { onProgress: (done) => progress.push(done) });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(BundleImportError);
    expect((error as BundleImportError).problem).toMatchObject({ kind, bundle: 1 });
    expect((error as BundleImportError).message).toContain('Conversation 2');
    expect(store.listConversations()).toEqual([]);
    expect(store.search({ query: 'hello' })).toEqual([]);
    // The same store still imports fine afterwards: the transaction was rolled back, not left open.
    store.importBundles([good(0)]);
    expect(store.listConversations()).toHaveLength(1);
  });

  it('scopes ids per conversation: two conversations with the same node ids both arrive intact', () => {
    const store = freshStore();
    const twin = (n: number): ConversationBundle => ({
      conversation: { ...good(n).conversation, currentLeafId: 'node-2' },
      messages: [
        { ...(good(n).messages[0] as Message), id: 'node-1', content: `question ${n}` },
        { ...(good(n).messages[1] as Message), id: 'node-2', parentId: 'node-1', content: `answer ${n}` },
      ],
    });
    // The second also repeats the first one's conversation id, as a re-exported file can.
    const second = { ...twin(1), conversation: { ...twin(1).conversation, id: 'c0' }, messages: twin(1).messages.map((m) => ({ ...m, conversationId: 'c0' })) };
    expect(store.importBundles([twin(0), second])).toEqual({ conversations: 2, messages: 4 });
    const all = store.exportBundles();
    expect(all).toHaveLength(2);
    for (const b of all) {
      const [q, a] = b.messages;
      expect(a?.parentId).toBe(q?.id);
      expect(b.conversation.currentLeafId).toBe(a?.id);
      expect(q?.content.split(' ')[1]).toBe(a?.content.split(' ')[1]);
    }
  });

  it('reports progress up to the total', () => {
    const store = freshStore();
    const progress: Array<[number, number]> = [];
    store.importBundles([good(0), good(1)], { onProgress: (done, total) => progress.push([done, total]) });
    expect(progress.at(-1)).toEqual([4, 4]);
  });
});
