// Kills a process that is streaming a reply into the store (SIGKILL: no handlers, no flush) and
// checks what survives: an intact database, and the reply's text up to at most ~250 ms before
// the kill, marked interrupted on the next start.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { TEST_DB_KEY } from '../support/db-key';
import { createConversationStore } from '../../electron/core/store/conversation-store';
import { closeDatabase, openDatabase } from '../../electron/core/store/database';
import { SCHEMA_VERSION, schemaVersion } from '../../electron/core/store/migrations';

const STORE = resolve(__dirname, '../../electron/core/store');
const TOKEN_MS = 4;
const KILL_AFTER_MS = 1200;
const MAX_LOSS_MS = 250;

/** Token i of the streamed reply; fixed width, so any prefix names how far the stream got. */
const token = (i: number) => `<${String(i).padStart(6, '0')}>`;

const CHILD = `
import { openDatabase } from ${JSON.stringify(pathToFileURL(join(STORE, 'database.ts')).href)};
import { createConversationStore } from ${JSON.stringify(pathToFileURL(join(STORE, 'conversation-store.ts')).href)};
const TEST_DB_KEY = Buffer.from(${JSON.stringify(TEST_DB_KEY.toString('hex'))}, 'hex');
const [path, messageId] = process.argv.slice(2);
const store = createConversationStore(openDatabase(path, { key: TEST_DB_KEY }).db);
const token = ${token.toString()};
let i = 0;
let written = 0;
setInterval(() => {
  const text = token(i++);
  store.appendToMessage(messageId, { text });
  written += text.length;
  process.stdout.write(written + ' ' + Date.now() + '\\n');
}, ${TOKEN_MS});
`;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'enclave-crash-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

interface Progress {
  written: number;
  at: number;
}

function streamUntilKilled(script: string, path: string, messageId: string): Promise<Progress[]> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, path, messageId], {
      cwd: resolve(__dirname, '../..'),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const progress: Progress[] = [];
    let partial = '';
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      const lines = (partial + chunk.toString()).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) {
        const [written, at] = line.split(' ').map(Number);
        progress.push({ written: written ?? 0, at: at ?? 0 });
      }
      const first = progress[0];
      const last = progress.at(-1);
      if (first && last && last.at - first.at >= KILL_AFTER_MS && !child.killed) child.kill('SIGKILL');
    });
    child.on('error', fail);
    child.on('close', (_code, signal) => {
      if (signal !== 'SIGKILL') fail(new Error(`child ended by itself (${signal}): ${stderr}`));
      else done(progress);
    });
  });
}

it('keeps all but the last fraction of a second of a reply when the app is killed mid-stream', async () => {
  const path = join(dir, 'conversations.db');
  const setup = openDatabase(path, { key: TEST_DB_KEY });
  const before = createConversationStore(setup.db);
  const c = before.createConversation();
  const q = before.addMessage({ conversationId: c.id, parentId: null, role: 'user', content: 'count for me', status: 'complete' });
  const reply = before.addMessage({ conversationId: c.id, parentId: q.id, role: 'assistant', content: '', status: 'streaming' });
  before.close();
  closeDatabase(setup.db);

  const script = join(dir, 'stream-child.mts');
  writeFileSync(script, CHILD);
  const progress = await streamUntilKilled(script, path, reply.id);

  const { db, notices } = openDatabase(path, { key: TEST_DB_KEY });
  expect(notices).toEqual([]);
  expect(db.prepare('PRAGMA quick_check').get()).toEqual({ quick_check: 'ok' });
  expect(schemaVersion(db)).toBe(SCHEMA_VERSION);
  db.exec(`INSERT INTO messages_fts(messages_fts) VALUES ('integrity-check')`);

  const store = createConversationStore(db);
  const saved = store.pathTo(reply.id).at(-1);
  const content = saved?.content ?? '';
  const last = progress.at(-1) ?? { written: 0, at: 0 };
  const expected = Array.from({ length: last.written / token(0).length }, (_, i) => token(i)).join('');
  expect(expected.startsWith(content)).toBe(true);
  expect(content.length).toBeGreaterThan(0);

  // The newest progress line the database already holds: everything after it was lost.
  const kept = progress.filter((p) => p.written <= content.length).at(-1) ?? { written: 0, at: progress[0]?.at ?? 0 };
  expect(kept.written).toBe(content.length);
  expect(last.at - kept.at).toBeLessThanOrEqual(MAX_LOSS_MS);

  expect(store.markInterruptedOnStartup()).toBe(1);
  expect(store.pathTo(reply.id).at(-1)).toMatchObject({ status: 'interrupted', content });
  expect(store.search({ query: token(0).slice(1, 7) }).map((h) => h.messageId)).toEqual([reply.id]);
  store.close();
  closeDatabase(db);
});
