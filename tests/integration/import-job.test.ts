// The import as the app runs it: in slices, with a report of what was imported and skipped,
// a percentage while it runs, and a Cancel that leaves the database exactly as it was.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StoreDb } from '../../electron/core/store/driver';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportStatus } from '../../shared/contract';
import { toEnclaveJson } from '../../shared/export/enclave-json';
import type { ConversationBundle } from '../../shared/types';
import { createConversationStore, type ConversationStore } from '../../electron/core/store/conversation-store';
import { closeDatabase, openDatabase } from '../../electron/core/store/database';
import { createImportJobs, type ImportJobs } from '../../electron/core/store/import-job';
import { TEST_DB_KEY } from '../support/db-key';

const realShapes = readFileSync(new URL('../fixtures/import/chatgpt-real-shapes.json', import.meta.url), 'utf8');

let dir: string;
let db: StoreDb;
let store: ConversationStore;
let jobs: ImportJobs;
let ids = 0;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'enclave-import-job-'));
  db = openDatabase(join(dir, 'db.sqlite'), { key: TEST_DB_KEY }).db;
  store = createConversationStore(db);
  jobs = createImportJobs(store, { newId: () => `import-${++ids}`, sliceMs: 0 });
});
afterEach(() => {
  store.close();
  closeDatabase(db);
  rmSync(dir, { recursive: true, force: true });
});

/** A big Enclave export: `count` conversations of `perConversation` messages. */
function bigExport(count: number, perConversation: number): string {
  const bundles: ConversationBundle[] = Array.from({ length: count }, (_, c) => ({
    conversation: {
      id: `big-${c}`,
      title: `Chat ${c}`,
      createdAt: 1_700_000_000_000,
      updatedAt: 1_700_000_000_000,
      pinned: false,
      localOnly: false,
      currentLeafId: `big-${c}-m${perConversation - 1}`,
    },
    messages: Array.from({ length: perConversation }, (_, i) => ({
      id: `big-${c}-m${i}`,
      conversationId: `big-${c}`,
      parentId: i === 0 ? null : `big-${c}-m${i - 1}`,
      role: i % 2 === 0 ? ('user' as const) : ('assistant' as const),
      content: `message ${i} of chat ${c} with searchable words`,
      status: 'complete' as const,
      createdAt: 1_700_000_000_000 + i,
      updatedAt: 1_700_000_000_000 + i,
    })),
  }));
  return toEnclaveJson(bundles, { now: () => 0 });
}

function tableCounts() {
  const count = (table: string) => Number((db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n);
  return { conversations: count('conversations'), messages: count('messages'), fts: count('messages_fts') };
}

describe('import job', () => {
  it('reports imported and skipped conversations with reasons, and writes the valid ones', async () => {
    const id = jobs.start(realShapes);
    const status = await jobs.wait(id);
    expect(status?.state).toBe('done');
    if (status?.state !== 'done') return;
    expect(status.summary).toMatchObject({ source: 'chatgpt', conversations: 3, messages: 8 });
    expect(status.summary.skipped).toEqual([{ index: 3, title: 'Broken one', reason: expect.stringContaining('content.parts: expected array, received string') }]);
    expect(status.summary.warnings.length).toBeGreaterThan(0);
    expect(
      store
        .listConversations()
        .map((c) => c.title)
        .sort(),
    ).toEqual(['A lighthouse picture', 'Prime check', 'Train times to Kyoto']);
    // Both conversations reused the same node ids; each kept its own links.
    for (const c of store.listConversations()) {
      const messages = store.exportBundles([c.id])[0]?.messages ?? [];
      for (const m of messages) if (m.parentId) expect(messages.some((p) => p.id === m.parentId)).toBe(true);
    }
  });

  it('importing the same export twice gives two copies, never a refusal', async () => {
    await jobs.wait(jobs.start(realShapes));
    const again = await jobs.wait(jobs.start(realShapes));
    expect(again?.state).toBe('done');
    expect(store.listConversations()).toHaveLength(6);
  });

  it('shows a rising percentage, and Cancel while writing leaves nothing written', async () => {
    store.createConversation({ title: 'Already here' });
    const before = tableCounts();
    const id = jobs.start(bigExport(40, 50));
    const seen: ImportStatus[] = [];
    for (;;) {
      const status = jobs.status(id) as ImportStatus;
      seen.push(status);
      if (status.state === 'running' && status.phase === 'writing' && status.percent >= 60) break;
      expect(status.state).toBe('running');
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(jobs.cancel(id)).toBe(true);
    expect(await jobs.wait(id)).toEqual({ state: 'cancelled' });
    const percents = seen.flatMap((s) => (s.state === 'running' ? [s.percent] : []));
    expect(percents).toEqual([...percents].sort((a, b) => a - b));
    expect(new Set(seen.flatMap((s) => (s.state === 'running' ? [s.phase] : [])))).toEqual(new Set(['reading', 'converting', 'writing']));
    expect(tableCounts()).toEqual(before);
    expect(store.search({ query: 'searchable' })).toEqual([]);
    expect(store.listConversations().map((c) => c.title)).toEqual(['Already here']);
    // The database is usable at once: the next import runs to the end.
    expect((await jobs.wait(jobs.start(bigExport(2, 4))))?.state).toBe('done');
    expect(store.listConversations()).toHaveLength(3);
  });

  it('Cancel while reading conversations writes nothing either', async () => {
    const id = jobs.start(bigExport(40, 10));
    while ((jobs.status(id) as ImportStatus).state === 'running' && (jobs.status(id) as { phase?: string }).phase !== 'converting') {
      await new Promise((resolve) => setImmediate(resolve));
    }
    jobs.cancel(id);
    expect(await jobs.wait(id)).toEqual({ state: 'cancelled' });
    expect(tableCounts()).toEqual({ conversations: 0, messages: 0, fts: 0 });
  });

  it('runs one import at a time and says so', async () => {
    const first = jobs.start(bigExport(2, 2));
    expect(() => jobs.start(bigExport(2, 2))).toThrow(/already running/);
    expect((await jobs.wait(first))?.state).toBe('done');
  });

  it('a file that cannot be read fails with a sentence and writes nothing', async () => {
    const status = await jobs.wait(jobs.start('{"not": "an export"}'));
    expect(status).toEqual({ state: 'failed', message: expect.stringMatching(/^Nothing was imported: Expected an Enclave export/) });
    expect(tableCounts()).toEqual({ conversations: 0, messages: 0, fts: 0 });
  });
});
