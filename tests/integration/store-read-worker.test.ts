import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StoreDb } from '../../electron/core/store/driver';
import { Worker } from 'node:worker_threads';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pathTo } from '../../shared/tree';
import type { Message } from '../../shared/types';
import { createConversationStore, type ConversationStore } from '../../electron/core/store/conversation-store';
import { closeDatabase, openDatabase } from '../../electron/core/store/database';
import { createReadWorker, type ReadWorker } from '../../electron/core/store/read-worker';
import { StoreError } from '../../electron/core/store/store-error';
import { TEST_DB_KEY } from '../support/db-key';

let dir: string;
let path: string;
let db: StoreDb;
let store: ConversationStore;
let reader: ReadWorker;
let clock: number;
let workers: Worker[];
let logged: string[];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'enclave-read-worker-'));
  path = join(dir, 'enclave.sqlite');
  clock = Date.UTC(2025, 3, 1, 9);
  db = openDatabase(path, { key: TEST_DB_KEY }).db;
  store = createConversationStore(db, { now: () => clock });
  workers = [];
  logged = [];
  reader = createReadWorker({
    path,
    key: TEST_DB_KEY,
    spawn: (script, options) => {
      const w = new Worker(script, options);
      workers.push(w);
      return w;
    },
    log: (m) => logged.push(m),
  });
});

afterEach(async () => {
  await reader.close();
  store.close();
  closeDatabase(db);
  rmSync(dir, { recursive: true, force: true });
});

const model = { connectionId: 'anthropic-1', modelId: 'claude-x', connectionName: 'Work' };

function say(conversationId: string, parentId: string | null, content: string, role: 'user' | 'assistant' = 'user'): Message {
  clock += 1000;
  return store.addMessage({ conversationId, parentId, role, content, status: 'complete', ...(role === 'assistant' ? { model } : {}) });
}

/** A conversation of `turns` question/answer pairs, with an edited question (a branch) at turn 2 (or the last). */
function chat(title: string, turns: number, topic: string) {
  const c = store.createConversation({ title });
  let parent: string | null = null;
  let branchPoint: Message | undefined;
  for (let i = 0; i < turns; i += 1) {
    const q = say(c.id, parent, `question ${i} about ${topic} and the red fox`);
    if (i === Math.min(2, turns - 1)) branchPoint = q;
    parent = say(c.id, q.id, `answer ${i}: ${topic} facts, quickly jumping`, 'assistant').id;
  }
  const edited = say(c.id, branchPoint!.parentId, `that question reworded about ${topic}`);
  say(c.id, edited.id, `another answer on ${topic}`, 'assistant');
  // The user went back to the original, longer branch.
  store.updateConversation(c.id, { currentLeafId: parent });
  return store.getConversation(c.id)!;
}

describe('the read worker answers exactly what the core thread would', () => {
  it('search, a whole conversation and exports are identical to the same-thread reads', async () => {
    const a = chat('Foxes', 8, 'foxes');
    chat('Otters', 5, 'otters');
    const doomed = chat('Deleted', 3, 'foxes');
    store.deleteConversation(doomed.conversation.id);
    for (const query of ['fox', 'otters', 'quick*', '"red fox"', 'answer 3', 'nothing-like-this', 'fo*', 'a*']) {
      expect(await reader.search({ query }), query).toEqual(store.search({ query }));
    }
    expect(await reader.search({ query: 'fox', modelId: 'claude-x', limit: 3 })).toEqual(store.search({ query: 'fox', modelId: 'claude-x', limit: 3 }));
    expect(await reader.getConversation(a.conversation.id)).toEqual(store.getConversation(a.conversation.id));
    expect(await reader.getConversation('no-such-id')).toBeUndefined();
    expect(await reader.exportBundles()).toEqual(store.exportBundles());
    expect(await reader.exportBundles([a.conversation.id])).toEqual(store.exportBundles([a.conversation.id]));
  });

  it('an export of an unknown conversation fails with the same typed store error', async () => {
    const error = await reader.exportBundles(['gone']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).problem).toEqual({ kind: 'not-found', entity: 'conversation', id: 'gone' });
  });

  it('sees streamed text once the core thread has flushed it', async () => {
    const c = store.createConversation({ title: 'Live' });
    const q = say(c.id, null, 'tell me about wombats');
    const reply = store.addMessage({ conversationId: c.id, parentId: q.id, role: 'assistant', content: '', status: 'streaming' });
    store.appendToMessage(reply.id, { text: 'wombats dig burrows' });
    store.flushAll();
    expect((await reader.search({ query: 'burrows' })).map((h) => h.messageId)).toEqual([reply.id]);
  });
});

describe('opening a long conversation', () => {
  it('answers with the current branch newest messages and their siblings first, then the whole', async () => {
    const { conversation, messages } = chat('Long', 40, 'tides');
    const full = pathTo(messages, conversation.currentLeafId);
    const first = await reader.getConversation(conversation.id, 10);
    expect(first?.partial).toBe(true);
    expect(first?.conversation).toEqual(conversation);
    expect(pathTo(first!.messages, conversation.currentLeafId)).toEqual(full.slice(-10));
    // Every message shown has its siblings too, so branch arrows are right at once.
    for (const m of first!.messages) {
      expect(first!.messages.filter((x) => x.parentId === m.parentId)).toEqual(messages.filter((x) => x.parentId === m.parentId));
    }
    expect(first!.messages.length).toBeLessThan(messages.length);
  });

  it('includes the edited-question branch when the window reaches it', async () => {
    const { conversation, messages } = chat('Short', 3, 'kelp');
    const first = await reader.getConversation(conversation.id, 6);
    expect(first?.partial).toBe(true);
    const edited = messages.find((m) => m.content === 'that question reworded about kelp');
    expect(first!.messages.map((m) => m.id)).toContain(edited!.id);
  });

  it('shows an edited first question beside the original when the window reaches the start', async () => {
    // One turn, then the first question edited: two roots, and the window of 2 reaches them.
    const { conversation, messages } = chat('Roots', 1, 'lichen');
    const first = await reader.getConversation(conversation.id, 2);
    expect(first?.partial).toBe(true);
    const roots = messages.filter((m) => m.parentId === null);
    expect(roots).toHaveLength(2);
    expect(first!.messages.filter((m) => m.parentId === null)).toEqual(roots);
    expect(first!.messages.map((m) => m.content)).not.toContain('another answer on lichen');
  });

  it('answers a conversation no longer than the window whole, without partial', async () => {
    const { conversation, messages } = chat('Tiny', 2, 'moss');
    expect(await reader.getConversation(conversation.id, 500)).toEqual({ conversation, messages });
  });
});

describe('the core thread is never held up by reads', () => {
  it('a search is answered while the core thread holds a write transaction open', async () => {
    const c = chat('Before', 2, 'herons');
    const committed = store.search({ query: 'herons' });
    db.exec('BEGIN IMMEDIATE');
    try {
      say(c.conversation.id, null, 'uncommitted herons');
      // Reads on this connection would see the uncommitted row; the worker reads the last
      // committed state and is not blocked by the open write.
      expect(await reader.search({ query: 'herons' })).toEqual(committed);
    } finally {
      db.exec('COMMIT');
    }
    expect((await reader.search({ query: 'uncommitted' })).length).toBe(1);
  });
});

describe('the integrity check', () => {
  /** Stands for a quick_check that takes a long time on a big file: a thread that never answers. */
  const NEVER_ANSWERS = `require('node:worker_threads').parentPort.on('message', () => {})`;

  it('runs on a thread of its own: a search is answered while a check is still running, and closing cuts the check short', async () => {
    chat('Checked', 4, 'herons');
    const expected = store.search({ query: 'herons' });
    const spawned: Worker[] = [];
    // The first thread answers searches and loads; any later one is a check's.
    const checked = createReadWorker({
      path,
      key: TEST_DB_KEY,
      spawn: (script, options) => {
        const w = spawned.length === 0 ? new Worker(script, options) : new Worker(NEVER_ANSWERS, { eval: true });
        spawned.push(w);
        return w;
      },
    });
    try {
      const check = checked.quickCheck();
      let settled = false;
      void check.then(
        () => (settled = true),
        () => (settled = true),
      );
      expect(await checked.search({ query: 'herons' })).toEqual(expected);
      expect(settled).toBe(false);
      await checked.close();
      await expect(check).rejects.toThrow('closed');
      expect(spawned).toHaveLength(2);
    } finally {
      await checked.close();
    }
  });

  it('finds a sound file sound, then ends its thread', async () => {
    chat('Sound', 3, 'egrets');
    const check = reader.quickCheck();
    const exited = new Promise<number>((r) => workers.at(-1)!.once('exit', r));
    expect(workers).toHaveLength(2);
    expect(await check).toBeUndefined();
    expect(await exited).toBe(0);
    expect(await reader.search({ query: 'egrets' })).not.toHaveLength(0);
  });
});

describe('when the read thread dies', () => {
  it('starts a new one and answers the next request', async () => {
    chat('Survivor', 2, 'lynx');
    const expected = store.search({ query: 'lynx' });
    expect(expected).toHaveLength(6);
    expect(await reader.search({ query: 'lynx' })).toEqual(expected);
    await workers[0]!.terminate();
    expect(await reader.search({ query: 'lynx' })).toEqual(expected);
    expect(workers).toHaveLength(2);
    expect(logged.some((m) => m.includes('starting a new one'))).toBe(true);
  });

  it('asks a request that was in flight again, on the new thread', async () => {
    chat('In flight', 3, 'ibis');
    const expected = store.search({ query: 'ibis' });
    const answer = reader.search({ query: 'ibis' });
    void workers[0]!.terminate();
    expect(await answer).toEqual(expected);
    expect(workers).toHaveLength(2);
  });
});

describe('shutdown', () => {
  it('finishes what is running, ends the thread and lets the writer checkpoint the whole log', async () => {
    chat('Closing', 20, 'gannets');
    const running = reader.search({ query: 'gannets' });
    const exited = new Promise<number>((r) => workers[0]!.once('exit', r));
    await reader.close();
    expect(await running).not.toHaveLength(0);
    expect(await exited).toBe(0);
    await expect(reader.search({ query: 'gannets' })).rejects.toThrow('closed');
    // No reader is left pinning the WAL: the truncating checkpoint at close empties it.
    store.close();
    closeDatabase(db);
    expect(statSync(`${path}-wal`, { throwIfNoEntry: false })?.size ?? 0).toBe(0);
    db = openDatabase(path, { key: TEST_DB_KEY }).db;
    store = createConversationStore(db);
  });
});
