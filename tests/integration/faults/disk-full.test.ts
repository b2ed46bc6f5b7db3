// Disk full, on a real tmpfs of a few MB: the reply ends at once with a message that says what to
// do, the text the user saw survives (in memory, then on disk once there is room), the engine
// keeps answering, start-up on a full disk opens read-only, and long writes refuse with a number.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { startFake, type FakeServer } from '../../fakes/index';
import { startCore, type CoreFixture } from '../../support/core-fixture';
import { dataDirOn, mountSmallDisk, type SmallDisk } from '../../support/small-disk';
import { dispatch } from '../../../electron/core/ipc/dispatch';
import type { StreamEvent } from '../../../shared/types';

const TOKEN = 'All work and no play makes a very long reply that fills the disk page by page. ';
let disk: SmallDisk;
let fake: FakeServer;
let fixtures: CoreFixture[] = [];

beforeAll(async () => {
  disk = mountSmallDisk(24);
  fake = await startFake('ollama', { tokens: Array.from({ length: 6000 }, () => TOKEN), tokenDelayMs: 1, models: ['llama3.2:3b'] });
});
afterAll(async () => {
  await fake.close();
  disk.unmount();
});
afterEach(async () => {
  disk.makeRoom();
  for (const f of fixtures) await f.close().catch(() => undefined);
  fixtures = [];
});

async function core(dataDir: string): Promise<CoreFixture> {
  const f = await startCore({ dataDir });
  fixtures.push(f);
  return f;
}

const shownText = (events: StreamEvent[], streamId: string) => events.map((e) => (e.streamId === streamId && e.kind === 'text-delta' ? e.text : '')).join('');

async function chatWithLocalModel(f: CoreFixture) {
  const conn = await f.call('addConnection', { kind: 'ollama', name: 'Ollama', baseUrl: fake.origin });
  const conversation = await f.call('createConversation', {});
  return { model: { connectionId: conn.id, modelId: 'llama3.2:3b' }, conversationId: conversation.id };
}

test('a reply streaming into a full disk ends at once, says so, and keeps every character shown', async () => {
  const dataDir = dataDirOn(disk, 'stream');
  const f = await core(dataDir);
  const { model, conversationId } = await chatWithLocalModel(f);
  disk.leaveFree(160 * 1024);

  const sent = await f.call('sendMessage', { conversationId, parentId: null, content: 'write a lot', model });
  const end = await f.streamEnd(sent.streamId);
  expect(end.kind).toBe('error');
  if (end.kind !== 'error') return;
  expect(end.error.kind).toBe('disk-full');
  expect(end.error.message).toMatch(/^Your disk is full — \d+(\.\d)? MB free\. Nothing you saw is lost/);
  expect(end.partial).toBe(true);
  const shown = shownText(f.events, sent.streamId);
  // Ended by the disk, not by the reply running out: far less than the 480 kB the fake would send.
  expect(shown.length).toBeGreaterThan(TOKEN.length * 10);
  expect(shown.length).toBeLessThan((6000 * TOKEN.length) / 2);

  // Still full: reading the conversation shows the whole text from memory, marked interrupted.
  const whileFull = await f.call('getConversation', { id: conversationId });
  const reply = whileFull.messages.find((m) => m.id === sent.assistantMessageId)!;
  expect(reply.content).toBe(shown);
  expect(reply.status).toBe('interrupted');

  // The engine is still there and says the same thing for the next write, in words, not SQLite's.
  const again = await dispatch(f.core.handlers, 'sendMessage', { conversationId, parentId: null, content: 'one more', model }, () => {});
  expect(again.ok).toBe(false);
  if (!again.ok) expect(again.error.message).toMatch(/^Your disk is full — [\d.]+ MB free/);
  expect(f.logs.join('\n')).not.toMatch(/cannot rollback/);

  // Space comes back: the kept text is written, and survives a restart.
  disk.makeRoom();
  await f.call('getConversation', { id: conversationId });
  await f.close();
  fixtures = [];
  const reopened = await core(dataDir);
  const saved = (await reopened.call('getConversation', { id: conversationId })).messages.find((m) => m.id === sent.assistantMessageId)!;
  expect(saved.content).toBe(shown);
  expect(saved.status).toBe('interrupted');
  expect(saved.error?.kind).toBe('disk-full');
});

test('start-up on a full disk opens the conversations read-only with a banner, and writes say why they fail', async () => {
  const dataDir = dataDirOn(disk, 'startup');
  const first = await core(dataDir);
  const { conversationId } = await chatWithLocalModel(first);
  await first.call('updateConversation', { id: conversationId, title: 'Kept through a full disk' });
  await first.close();
  fixtures = [];

  disk.leaveFree(0);
  const f = await core(dataDir);
  const info = await f.call('getAppInfo', {});
  expect(info.readOnly).toBe(true);
  expect(info.notices.join('\n')).toMatch(/Your disk is full — [\d.]+ MB free — so Enclave opened your conversations read-only/);
  expect((await f.call('listConversations', {})).map((c) => c.title)).toEqual(['Kept through a full disk']);
  const write = await dispatch(f.core.handlers, 'createConversation', {}, () => {});
  expect(write.ok).toBe(false);
  if (!write.ok) expect(write.error.message).toMatch(/Your disk is full — [\d.]+ MB free/);
});

test('an import that cannot fit is refused before writing, with the free and needed space', async () => {
  const dataDir = dataDirOn(disk, 'import');
  const f = await core(dataDir);
  disk.leaveFree(4 * 1024 * 1024);
  const bundle = JSON.stringify({ format: 'enclave', version: 1, conversations: [] }) + ' '.repeat(2 * 1024 * 1024);
  const result = await dispatch(f.core.handlers, 'importConversations', { filename: 'big.json', content: bundle }, () => {});
  expect(result.ok).toBe(false);
  if (!result.ok) expect(result.error.message).toMatch(/^Your disk is full — [34](\.\d)? MB free\. Nothing was imported\. It needs about 6(\.\d)? MB\./);
  expect(await f.call('listConversations', {})).toEqual([]);
});

test('an export onto a disk that fills is refused with a number and leaves no half-written file', async () => {
  const dataDir = dataDirOn(disk, 'export');
  const f = await core(dataDir);
  const { conversationId } = await chatWithLocalModel(f);
  await f.call('updateConversation', { id: conversationId, title: 'Export me' });
  disk.leaveFree(64 * 1024);
  const result = await dispatch(f.core.handlers, 'exportConversations', { format: 'markdown', branches: 'current' }, () => {});
  expect(result.ok).toBe(false);
  if (!result.ok) expect(result.error.message).toMatch(/^Your disk is full — 0(\.\d)? MB free\. Nothing was exported\./);
});

test('an export to a full disk chosen in the save dialog is refused with the free space and leaves nothing there', async () => {
  const chosen = dataDirOn(disk, 'chosen');
  const f = await startCore({ chooseSavePath: async ({ suggestedName }) => join(chosen, suggestedName) });
  fixtures.push(f);
  const conversation = await f.call('createConversation', { title: 'Export me' });
  disk.leaveFree(64 * 1024);
  const result = await dispatch(f.core.handlers, 'exportConversations', { ids: [conversation.id], format: 'markdown', branches: 'current' }, () => {});
  expect(result.ok).toBe(false);
  if (!result.ok) expect(result.error.message).toMatch(/^Your disk is full — 0(\.\d)? MB free\. Nothing was exported\./);
  expect(readdirSync(chosen)).toEqual([]);
});

test('a transaction that fails at COMMIT on a full database reports the full disk, never "cannot rollback"', async () => {
  const { openDb } = await import('../../../electron/core/store/driver');
  const { inTransaction } = await import('../../../electron/core/store/context');
  const db = openDb(`${dataDirOn(disk, 'commit')}/t.sqlite`, { key: Buffer.alloc(32, 1) });
  db.exec('CREATE TABLE t (x TEXT)');
  // SQLite's own cap yields the same SQLITE_FULL a full disk does, on whichever statement needs the page.
  db.exec('PRAGMA max_page_count = 3');
  const write = () => inTransaction(db, () => db.prepare('INSERT INTO t VALUES (?)').run('x'.repeat(20_000)));
  expect(write).toThrow(/database or disk is full/);
  expect(db.inTransaction).toBe(false);
  db.exec('PRAGMA max_page_count = 1000');
  write();
  expect(db.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 1 });
  db.close();
});
