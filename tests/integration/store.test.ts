import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StoreDb } from '../../electron/core/store/driver';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Message } from '../../shared/types';
import { createConversationStore, type ConversationStore } from '../../electron/core/store/conversation-store';
import { closeDatabase, openDatabase } from '../../electron/core/store/database';
import { RANK_WINDOW } from '../../electron/core/store/search';
import { StoreError } from '../../electron/core/store/store-error';
import { TEST_DB_KEY } from '../support/db-key';

let dir: string;
let db: StoreDb;
let store: ConversationStore;
let clock: number;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'enclave-store-'));
  clock = Date.UTC(2025, 0, 10, 12);
  db = openDatabase(join(dir, 'conversations.db'), { key: TEST_DB_KEY }).db;
  store = createConversationStore(db, { now: () => clock });
});

afterEach(() => {
  store.close();
  closeDatabase(db);
  rmSync(dir, { recursive: true, force: true });
});

const claude = { connectionId: 'anthropic-1', modelId: 'claude-x', connectionName: 'Work', kind: 'anthropic' as const };
const gpt = { connectionId: 'openai-1', modelId: 'gpt-y' };

function ask(conversationId: string, parentId: string | null, content: string) {
  clock += 1000;
  return store.addMessage({ conversationId, parentId, role: 'user', content, status: 'complete' });
}

function answer(conversationId: string, parentId: string, content: string, model: Message['model'] = claude) {
  clock += 1000;
  return store.addMessage({ conversationId, parentId, role: 'assistant', content, model, status: 'complete' });
}

describe('message tree', () => {
  it('keeps an edit as a new branch and a regeneration as a sibling reply', () => {
    const c = store.createConversation();
    const q1 = ask(c.id, null, 'What is a monad?');
    const a1 = answer(c.id, q1.id, 'A monoid in the category of endofunctors.');
    const a1again = answer(c.id, q1.id, 'A way to chain computations.');
    const q1edit = ask(c.id, null, 'What is a functor?');
    const a2 = answer(c.id, q1edit.id, 'Something you can map over.');

    expect(store.siblings(a1.id).map((m) => m.id)).toEqual([a1.id, a1again.id]);
    expect(store.siblings(q1edit.id).map((m) => m.id)).toEqual([q1.id, q1edit.id]);
    expect(store.pathTo(a2.id).map((m) => m.id)).toEqual([q1edit.id, a2.id]);
    expect(store.pathTo(a1.id).map((m) => m.id)).toEqual([q1.id, a1.id]);

    const loaded = store.getConversation(c.id);
    expect(loaded?.messages.map((m) => m.id)).toEqual([q1.id, a1.id, a1again.id, q1edit.id, a2.id]);
    expect(loaded?.conversation.currentLeafId).toBe(a2.id);
    expect(store.updateConversation(c.id, { currentLeafId: a1again.id }).currentLeafId).toBe(a1again.id);
  });

  it('names an untitled conversation after its first question and bumps it to the top', () => {
    const older = store.createConversation({ title: 'Older' });
    clock += 10;
    const c = store.createConversation();
    ask(older.id, null, 'bump');
    ask(c.id, null, '   \n  How do I   sort a list in Rust without allocating, in place, quickly?\nmore');
    const got = store.getConversation(c.id)?.conversation;
    expect(got?.title).toBe('How do I sort a list in Rust without allocating, in place,…');
    expect(got?.updatedAt).toBe(clock);
    expect(store.listConversations().map((x) => x.id)).toEqual([c.id, older.id]);
    ask(c.id, null, 'second question does not rename');
    expect(store.getConversation(c.id)?.conversation.title).toBe(got?.title);
  });

  it('lists pinned conversations first, then the most recently active', () => {
    const a = store.createConversation({ title: 'a' });
    const b = store.createConversation({ title: 'b' });
    ask(a.id, null, 'newer activity');
    store.updateConversation(b.id, { pinned: true });
    expect(store.listConversations().map((x) => x.title)).toEqual(['b', 'a']);
  });

  it('reads back every optional field, and no field that was never set', () => {
    const c = store.createConversation({ systemPrompt: 'Be brief.', localOnly: true });
    const q = ask(c.id, null, 'hi');
    const a = store.addMessage({
      conversationId: c.id,
      parentId: q.id,
      role: 'assistant',
      content: '',
      status: 'streaming',
      model: claude,
      attachments: [{ id: 'f', name: 'a.txt', mimeType: 'text/plain', size: 1, data: 'x', kind: 'text' }],
    });
    store.finishMessage(a.id, {
      status: 'error',
      error: { kind: 'rate-limited', message: 'Slow down.', retryAt: 5 },
      usage: { inputTokens: 3, outputTokens: 4 },
      costUsd: 0.25,
      timing: { firstTokenMs: 10, totalMs: 20 },
      content: 'partial',
    });
    const [, stored] = store.getConversation(c.id)?.messages ?? [];
    expect(stored).toMatchObject({
      content: 'partial',
      status: 'error',
      model: claude,
      costUsd: 0.25,
      usage: { inputTokens: 3, outputTokens: 4 },
      error: { kind: 'rate-limited', retryAt: 5 },
      timing: { firstTokenMs: 10, totalMs: 20 },
    });
    expect(Object.keys(q).sort()).toEqual(['content', 'conversationId', 'createdAt', 'id', 'parentId', 'role', 'status', 'updatedAt']);
    expect(store.getConversation(c.id)?.conversation).toMatchObject({ systemPrompt: 'Be brief.', localOnly: true });
    expect(store.updateConversation(c.id, { systemPrompt: undefined }).systemPrompt).toBeUndefined();
  });

  it('refuses a reply to a message that does not exist in that conversation', () => {
    const c = store.createConversation();
    expect(() => ask(c.id, 'nope', 'x')).toThrow(StoreError);
    const other = store.createConversation();
    const elsewhere = ask(other.id, null, 'elsewhere');
    expect(() => ask(c.id, elsewhere.id, 'x')).toThrow(StoreError);
    expect(store.getConversation(c.id)?.messages).toEqual([]);
  });
});

describe('streaming', () => {
  it('shows appended text to readers and finishes with everything', () => {
    const c = store.createConversation();
    const q = ask(c.id, null, 'count');
    const a = store.addMessage({ conversationId: c.id, parentId: q.id, role: 'assistant', content: '', status: 'streaming' });
    store.appendToMessage(a.id, { reasoning: 'thinking ' });
    for (const t of ['one ', 'two ', 'three']) store.appendToMessage(a.id, { text: t });
    expect(store.pathTo(a.id).at(-1)?.content).toBe('one two three');
    store.appendToMessage(a.id, { text: '!', reasoning: 'done' });
    const done = store.finishMessage(a.id, { status: 'complete', usage: { outputTokens: 3 } });
    expect(done).toMatchObject({ content: 'one two three!', reasoning: 'thinking done', status: 'complete' });
  });

  it('marks replies that were streaming at startup as interrupted, keeping their text', () => {
    const c = store.createConversation();
    const q = ask(c.id, null, 'q');
    const a = store.addMessage({ conversationId: c.id, parentId: q.id, role: 'assistant', content: 'half', status: 'streaming' });
    expect(store.markInterruptedOnStartup()).toBe(1);
    expect(store.pathTo(a.id).at(-1)).toMatchObject({ status: 'interrupted', content: 'half' });
    expect(store.markInterruptedOnStartup()).toBe(0);
  });
});

describe('delete, restore, purge', () => {
  it('hides a deleted conversation from the list and search until restored', () => {
    const c = store.createConversation({ title: 'Secret' });
    ask(c.id, null, 'platypus facts');
    store.deleteConversation(c.id);
    expect(store.listConversations()).toEqual([]);
    expect(store.search({ query: 'platypus' })).toEqual([]);
    expect(store.getConversation(c.id)?.conversation.deletedAt).toBe(clock);
    store.restoreConversation(c.id);
    expect(store.listConversations().map((x) => x.id)).toEqual([c.id]);
    expect(store.search({ query: 'platypus' })).toHaveLength(1);
  });

  it('purges only what was deleted long enough ago, messages and index included', () => {
    const old = store.createConversation({ title: 'old' });
    ask(old.id, null, 'wombat');
    store.deleteConversation(old.id);
    clock += 40 * 86_400_000;
    const recent = store.createConversation({ title: 'recent' });
    ask(recent.id, null, 'wombat');
    store.deleteConversation(recent.id);
    expect(store.purgeDeleted(30 * 86_400_000)).toBe(1);
    expect(store.getConversation(old.id)).toBeUndefined();
    expect(db.prepare('SELECT count(*) AS n FROM messages').get()).toEqual({ n: 1 });
    db.exec(`INSERT INTO messages_fts(messages_fts) VALUES ('integrity-check')`);
    store.restoreConversation(recent.id);
    expect(store.search({ query: 'wombat' }).map((h) => h.conversationId)).toEqual([recent.id]);
  });
});

describe('search', () => {
  function seed() {
    const c = store.createConversation({ title: 'Zoo' });
    const q = ask(c.id, null, 'Tell me about the red fox and the quick brown dog');
    const a = answer(c.id, q.id, 'The red fox is quick. Red foxes, red everywhere: red red red.');
    const b = answer(c.id, q.id, 'A fox that is red jumps over the lazy dog.', gpt);
    return { c, q, a, b };
  }

  it('matches an exact phrase, not just the words', () => {
    const { q, a } = seed();
    expect(
      store
        .search({ query: '"red fox"' })
        .map((h) => h.messageId)
        .sort(),
    ).toEqual([q.id, a.id].sort());
  });

  it('matches word prefixes and ranks the most relevant first', () => {
    const { a } = seed();
    const hits = store.search({ query: 'fox*' });
    expect(hits).toHaveLength(3);
    expect(store.search({ query: 'red' })[0]?.messageId).toBe(a.id);
  });

  it('marks matches in the snippet and says where the hit lives', () => {
    const { c, b } = seed();
    const [hit] = store.search({ query: 'lazy' });
    expect(hit).toEqual({
      messageId: b.id,
      conversationId: c.id,
      conversationTitle: 'Zoo',
      role: 'assistant',
      snippet: 'A fox that is red jumps over the \u0001lazy\u0002 dog.',
      model: { connectionId: 'openai-1', modelId: 'gpt-y' },
      createdAt: b.createdAt,
    });
  });

  it('treats hostile input as words and never throws', () => {
    seed();
    for (const query of ['"', '*', 'AND OR NOT (', '"unclosed fox', 'fox"', 'NEAR(fox dog)', 'col:fox', '^fox', '-fox', '""*', "fox' OR 1=1 --"]) {
      expect(() => store.search({ query })).not.toThrow();
    }
    expect(store.search({ query: '"unclosed fox' })).toEqual([]);
    expect(store.search({ query: '(fox dog)' })).toHaveLength(2);
    // AND is a word like any other: only the question says "and".
    expect(store.search({ query: 'fox AND dog' })).toHaveLength(1);
  });

  it('filters by model, connection and date', () => {
    const { a, b, q } = seed();
    expect(store.search({ query: 'fox', modelId: 'gpt-y' }).map((h) => h.messageId)).toEqual([b.id]);
    expect(store.search({ query: 'fox', connectionId: 'anthropic-1' }).map((h) => h.messageId)).toEqual([a.id]);
    expect(store.search({ query: 'fox', from: a.createdAt, to: a.createdAt }).map((h) => h.messageId)).toEqual([a.id]);
    expect(store.search({ query: 'fox', to: q.createdAt }).map((h) => h.messageId)).toEqual([q.id]);
    expect(store.search({ query: 'fox', limit: 1 })).toHaveLength(1);
  });

  it('a date filter finds messages imported after newer ones were written, and only those in range', () => {
    clock = 1_000_000;
    const { a } = seed();
    const old = store.createConversation({ title: 'Imported' });
    store.importBundles([
      {
        conversation: { ...old, id: 'imported' },
        messages: [
          { id: 'i1', conversationId: 'imported', parentId: null, role: 'user' as const, status: 'complete' as const, content: 'an old fox', createdAt: 500, updatedAt: 500 },
        ],
      },
    ]);
    expect(store.search({ query: 'fox', from: 400 }).map((h) => h.messageId)).toContain('i1');
    expect(store.search({ query: 'fox', from: 400, to: 600 }).map((h) => h.messageId)).toEqual(['i1']);
    expect(store.search({ query: 'fox', from: a.createdAt }).map((h) => h.messageId)).not.toContain('i1');
  });

  it('tests filters in the filter index, never by reading whole message rows', () => {
    const { a } = seed();
    const statements: string[] = [];
    const prepare = db.prepare.bind(db);
    db.prepare = (sql: string) => {
      statements.push(sql);
      return prepare(sql);
    };
    let hits;
    try {
      hits = store.search({ query: 'red', connectionId: claude.connectionId, from: 0 });
    } finally {
      db.prepare = prepare;
    }
    expect(hits.map((h) => h.messageId)).toEqual([a.id]);
    const ranking = statements.find((sql) => sql.includes('bm25('));
    expect(ranking).toBeDefined();
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${ranking}`).all('"red"', claude.connectionId, 0, 0, 2000, 50) as { detail: string }[]).map((r) => r.detail);
    expect(plan.some((d) => d.includes('COVERING INDEX messages_filter'))).toBe(true);
  });

  it('still answers a query that matches more messages than it ranks, honouring filters', () => {
    const c = store.createConversation({ title: 'Huge' });
    const count = RANK_WINDOW + 5;
    store.importBundles([
      {
        conversation: { ...c, id: 'huge' },
        messages: Array.from({ length: count }, (_, i) => ({
          id: `h${i}`,
          conversationId: 'huge',
          parentId: null,
          role: 'user' as const,
          status: 'complete' as const,
          content: i === 0 ? 'common common common rare' : 'common',
          createdAt: i,
          updatedAt: i,
        })),
      },
    ]);
    const newest = store.search({ query: 'common', limit: 5 });
    expect(newest).toHaveLength(5);
    expect(newest.every((h) => h.createdAt >= count - RANK_WINDOW)).toBe(true);
    // Equally relevant: the newest first.
    expect(newest.map((h) => h.messageId)).toEqual(['h2004', 'h2003', 'h2002', 'h2001', 'h2000']);
    expect(store.search({ query: 'common', to: 0 }).map((h) => h.messageId)).toEqual(['h0']);
    expect(store.search({ query: 'rare' }).map((h) => h.messageId)).toEqual(['h0']);
  });

  it('finds text that is still streaming and follows a replaced body', () => {
    const { c, q } = seed();
    const s = store.addMessage({ conversationId: c.id, parentId: q.id, role: 'assistant', content: '', status: 'streaming' });
    store.appendToMessage(s.id, { text: 'an axolotl appears' });
    expect(store.search({ query: 'axolotl' }).map((h) => h.messageId)).toEqual([s.id]);
    store.finishMessage(s.id, { status: 'complete', content: 'a salamander' });
    expect(store.search({ query: 'axolotl' })).toEqual([]);
    expect(store.search({ query: 'salamander' })).toHaveLength(1);
  });
});

describe('egress ledger', () => {
  const row = (at: number, host: string, bytesUp: number, outcome: 'ok' | 'refused' = 'ok') => ({
    at,
    connectionId: null,
    host,
    model: null,
    method: 'POST',
    path: '/v1/x',
    bytesUp,
    bytesDown: 2 * bytesUp,
    durationMs: 10,
    status: outcome === 'ok' ? 200 : 0,
    outcome,
  });
  const day = (d: number, h = 12) => new Date(2025, 0, d, h).getTime();

  it('totals requests and bytes per host and per local day since a time', () => {
    store.insertLedger(row(day(1), 'api.openai.com', 1));
    store.insertLedger(row(day(2, 1), 'api.openai.com', 10));
    store.insertLedger(row(day(2, 23), 'api.anthropic.com', 100, 'refused'));
    store.insertLedger(row(day(3), 'api.openai.com', 1000));
    const totals = store.ledgerTotals({ since: day(2, 0) });
    expect(totals.byHost).toEqual([
      { host: 'api.openai.com', requests: 2, bytesUp: 1010, bytesDown: 2020, durationMs: 20, failures: 0 },
      { host: 'api.anthropic.com', requests: 1, bytesUp: 100, bytesDown: 200, durationMs: 10, failures: 1 },
    ]);
    expect(totals.byDay.map((d) => [d.day, d.requests, d.bytesUp])).toEqual([
      ['2025-01-02', 2, 110],
      ['2025-01-03', 1, 1000],
    ]);
  });

  it('lists entries newest first, filtered by host', () => {
    const first = store.insertLedger(row(day(1), 'a.example', 1));
    store.insertLedger(row(day(2), 'b.example', 1));
    const third = store.insertLedger(row(day(3), 'a.example', 1));
    expect(store.listLedger({ host: 'a.example' })).toEqual([third, first]);
    expect(store.listLedger({ since: day(2), limit: 1 })).toEqual([third]);
  });
});
