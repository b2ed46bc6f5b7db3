// Silent corruption: a damaged write-ahead log makes SQLite drop the newest commits without a word.
// Real SQLite files, a crash simulated by copying the files while the writer is still open, then
// one byte flipped where a disk or a sync bug would flip it.
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { createConversationStore } from '../../../electron/core/store/conversation-store';
import { closeDatabase, openDatabase } from '../../../electron/core/store/database';
import { TEST_DB_KEY } from '../../support/db-key';

const REPLY = 'A finished reply, long enough to matter. '.repeat(70);
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'enclave-faults-corrupt-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A database whose newest conversation lives only in the WAL, as after a crash. */
function crashedWithNewerConversationInWal(): { path: string; newerId: string } {
  const live = join(dir, 'live.sqlite');
  const first = openDatabase(live, { key: TEST_DB_KEY });
  createConversationStore(first.db).createConversation({ title: 'Older, checkpointed' });
  closeDatabase(first.db);

  const second = openDatabase(live, { key: TEST_DB_KEY });
  const store = createConversationStore(second.db);
  const newer = store.createConversation({ title: 'Newer, only in the WAL' });
  const user = store.addMessage({ conversationId: newer.id, parentId: null, role: 'user', content: 'question', status: 'complete' });
  const reply = store.addMessage({ conversationId: newer.id, parentId: user.id, role: 'assistant', content: '', status: 'streaming' });
  store.appendToMessage(reply.id, { text: REPLY });
  store.finishMessage(reply.id, { status: 'complete' });
  const path = join(dir, 'crashed.sqlite');
  copyFileSync(live, path);
  copyFileSync(`${live}-wal`, `${path}-wal`);
  second.db.close();
  return { path, newerId: newer.id };
}

function flipByte(file: string, offset: number) {
  const bytes = readFileSync(file);
  const at = offset < 0 ? bytes.length + offset : offset;
  bytes[at] = bytes[at]! ^ 0xff;
  writeFileSync(file, bytes);
}

test('an intact WAL after a crash is replayed with no alarm', () => {
  const { path, newerId } = crashedWithNewerConversationInWal();
  const { db, notices } = openDatabase(path, { key: TEST_DB_KEY });
  expect(notices).toEqual([]);
  const reply = createConversationStore(db).getConversation(newerId)?.messages.at(-1);
  expect(reply?.content).toBe(REPLY);
  db.close();
});

test('a damaged WAL frame is reported, with the damaged files kept aside', () => {
  const { path } = crashedWithNewerConversationInWal();
  flipByte(`${path}-wal`, -100); // inside the last frame's page
  const { db, notices } = openDatabase(path, { key: TEST_DB_KEY });
  expect(notices).toHaveLength(1);
  expect(notices[0]).toMatch(
    /Part of the conversation database was damaged \(frame \d+ of the write-ahead log is damaged\): the last \d+ page writes? before Enclave last stopped could not be read/,
  );
  const kept = readdirSync(dir).filter((n) => n.startsWith('crashed.sqlite.corrupt-'));
  expect(kept.sort()).toHaveLength(2);
  expect(notices[0]).toContain(
    join(
      dir,
      kept.find((n) => !n.endsWith('-wal'))!,
    ),
  );
  // What could be read is there: the older conversation.
  expect(
    createConversationStore(db)
      .listConversations()
      .map((c) => c.title),
  ).toContain('Older, checkpointed');
  db.close();
});

test('a damaged WAL header (the whole log ignored by SQLite) is reported', () => {
  const { path } = crashedWithNewerConversationInWal();
  flipByte(`${path}-wal`, 12); // checkpoint sequence: covered by the header checksum
  const { db, notices } = openDatabase(path, { key: TEST_DB_KEY });
  expect(notices[0]).toMatch(/write-ahead log header is damaged/);
  expect(
    existsSync(
      `${join(
        dir,
        readdirSync(dir).find((n) => n.startsWith('crashed.sqlite.corrupt-') && n.endsWith('-wal'))!,
      )}`,
    ),
  ).toBe(true);
  db.close();
});

test('a damaged database with no backup is salvaged row by row instead of starting empty', () => {
  const path = join(dir, 'nobackup.sqlite');
  const setup = openDatabase(path, { key: TEST_DB_KEY });
  const store = createConversationStore(setup.db);
  for (const title of ['Taxes 2025', 'Trip to Lisbon', 'Thesis outline']) {
    const c = store.createConversation({ title });
    const u = store.addMessage({ conversationId: c.id, parentId: null, role: 'user', content: `about ${title}`, status: 'complete' });
    store.addMessage({ conversationId: c.id, parentId: u.id, role: 'assistant', content: REPLY, status: 'complete' });
  }
  setup.db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
  const { rootpage, pageSize } = setup.db
    .prepare("SELECT rootpage, (SELECT page_size FROM pragma_page_size()) AS pageSize FROM sqlite_schema WHERE name = 'messages_parent'")
    .get() as { rootpage: number; pageSize: number };
  setup.db.close(); // a crash-like stop: no backup is written
  expect(existsSync(`${path}.backup`)).toBe(false);
  // Garbage over one index page: the rows themselves are intact, the file fails its check.
  const bytes = readFileSync(path);
  bytes.fill(0x5a, (rootpage - 1) * pageSize, rootpage * pageSize);
  writeFileSync(path, bytes);

  const { db, notices } = openDatabase(path, { key: TEST_DB_KEY });
  expect(notices.join('\n')).toMatch(/could not be read .*It was moved to/);
  expect(notices.at(-1)).toBe('Enclave recovered what it could read from the damaged file: 3 conversations and 6 messages. Anything else is only in the moved file.');
  const recovered = createConversationStore(db);
  expect(
    recovered
      .listConversations()
      .map((c) => c.title)
      .sort(),
  ).toEqual(['Taxes 2025', 'Thesis outline', 'Trip to Lisbon']);
  const lisbon = recovered.listConversations().find((c) => c.title === 'Trip to Lisbon')!;
  expect(recovered.getConversation(lisbon.id)?.messages.map((m) => m.content)).toEqual(['about Trip to Lisbon', REPLY]);
  expect(recovered.search({ query: 'Lisbon' }).length).toBeGreaterThan(0);
  expect((db.prepare('PRAGMA quick_check').get() as { quick_check: string }).quick_check).toBe('ok');
  db.close();
});
