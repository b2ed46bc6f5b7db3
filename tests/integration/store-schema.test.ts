import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createConversationStore } from '../../electron/core/store/conversation-store';
import { backupPathFor, closeDatabase, openDatabase, quickCheck, requestCheckAtOpen } from '../../electron/core/store/database';
import { migrate, MIGRATIONS, SCHEMA_VERSION, schemaVersion } from '../../electron/core/store/migrations';
import { StoreError } from '../../electron/core/store/store-error';
import { TEST_DB_KEY } from '../support/db-key';
import { openDb, type StoreDb } from '../../electron/core/store/driver';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'enclave-schema-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function schemaOf(db: StoreDb): string[] {
  const rows = db.prepare(`SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name`).all() as Array<Record<string, unknown>>;
  return rows.map((r) => `${String(r.type)} ${String(r.name)}: ${String(r.sql)}`);
}

/** Rows as a database at `version` could hold them (only the columns that version had). */
function seedAtVersion(db: StoreDb, version: number): void {
  if (version < 1) return;
  db.exec(`
    INSERT INTO conversations (id, title, created_at, updated_at, pinned, local_only, current_leaf_id)
      VALUES ('c1', 'Old chat', 1, 2, 1, 0, 'm2');
    INSERT INTO messages (id, conversation_id, parent_id, role, content, status, model_json, connection_id, model_id, created_at, updated_at)
      VALUES ('m1', 'c1', NULL, 'user', 'ancient question about tortoises', 'complete', NULL, NULL, NULL, 1, 1),
             ('m2', 'c1', 'm1', 'assistant', 'tortoises live long', 'streaming',
              '{"connectionId":"k","modelId":"llama"}', 'k', 'llama', 2, 2);
    INSERT INTO ledger (at, connection_id, host, model, method, path, bytes_up, bytes_down, duration_ms, status, outcome)
      VALUES (5, 'k', 'api.example.com', 'llama', 'POST', '/v1/chat', 10, 20, 30, 200, 'ok');
  `);
}

describe('schema migrations', () => {
  it('keeps shipped migrations frozen (a schema change is a new migration, never an edit)', () => {
    const digests = MIGRATIONS.map((m) => `${m.version}:${createHash('sha256').update(m.sql).digest('hex').slice(0, 16)}`);
    expect(digests).toMatchInlineSnapshot(`
      [
        "1:fa59c62360dc47fb",
        "2:672f41f68e3c14b7",
        "3:507a8f87a1c4c9db",
        "4:63c9f9a8355b0518",
        "5:1016c8e348c9b777",
        "6:90c01eb5c75333f8",
        "7:bcf63e651ba8095b",
      ]
    `);
  });

  it.each(Array.from({ length: SCHEMA_VERSION }, (_, v) => v))('upgrades a version %i database and keeps its data', (version) => {
    const path = join(dir, `v${version}.db`);
    const old = openDb(path, { key: TEST_DB_KEY });
    migrate(old, version);
    expect(schemaVersion(old)).toBe(version);
    seedAtVersion(old, version);
    old.close();

    const { db, notices } = openDatabase(path, { key: TEST_DB_KEY });
    expect(notices).toEqual([]);
    expect(schemaVersion(db)).toBe(SCHEMA_VERSION);
    const fresh = openDb(':memory:', { key: 'plaintext' });
    migrate(fresh);
    expect(schemaOf(db)).toEqual(schemaOf(fresh));

    const store = createConversationStore(db);
    if (version >= 1) {
      expect(store.listConversations()).toEqual([{ id: 'c1', title: 'Old chat', createdAt: 1, updatedAt: 2, pinned: true, localOnly: false, currentLeafId: 'm2' }]);
      expect(store.pathTo('m2').map((m) => m.content)).toEqual(['ancient question about tortoises', 'tortoises live long']);
      expect(
        store
          .search({ query: 'tortoise*' })
          .map((h) => h.messageId)
          .sort(),
      ).toEqual(['m1', 'm2']);
      expect(store.markInterruptedOnStartup()).toBe(1);
      expect(store.listLedger()).toHaveLength(1);
    }
    // Columns added after version 1 work on upgraded data.
    const c = store.updateConversation(store.createConversation().id, { systemPrompt: 'Terse.' });
    expect(store.getConversation(c.id)?.conversation.systemPrompt).toBe('Terse.');
    store.close();
    closeDatabase(db);
  });

  it('refuses a database from a newer Enclave instead of touching it', () => {
    const path = join(dir, 'future.db');
    const future = openDb(path, { key: TEST_DB_KEY });
    future.exec(`CREATE TABLE t (x); PRAGMA user_version = ${SCHEMA_VERSION + 1}`);
    future.close();
    expect(() => openDatabase(path, { key: TEST_DB_KEY })).toThrow(StoreError);
    expect(readdirSync(dir).filter((f) => f.includes('corrupt'))).toEqual([]);
  });
});

describe('recovery at open', () => {
  function makeDatabaseWithBackup(path: string) {
    const { db } = openDatabase(path, { key: TEST_DB_KEY });
    const store = createConversationStore(db);
    const c = store.createConversation({ title: 'Keep me' });
    let parent: string | null = null;
    for (let i = 0; i < 300; i++) {
      parent = store.addMessage({ conversationId: c.id, parentId: parent, role: 'user', content: `line ${i} ${'x'.repeat(200)}`, status: 'complete' }).id;
    }
    store.close();
    closeDatabase(db);
    return c.id;
  }

  const corruptions: Array<[string, (path: string) => void]> = [
    ['a damaged header', (p) => writeFileSync(p, Buffer.concat([Buffer.from('not sqlite at all'), readFileSync(p).subarray(17)]))],
    [
      'damaged pages in the middle',
      (p) => {
        const bytes = readFileSync(p);
        bytes.fill(0x5a, 4096 * 3, 4096 * 6);
        writeFileSync(p, bytes);
      },
    ],
  ];

  it.each(corruptions)('moves a file with %s aside and restores the last backup, saying so', (_name, corrupt) => {
    const path = join(dir, 'conversations.db');
    const id = makeDatabaseWithBackup(path);
    expect(existsSync(backupPathFor(path))).toBe(true);
    corrupt(path);

    const { db, notices } = openDatabase(path, { key: TEST_DB_KEY, now: () => Date.UTC(2025, 4, 6, 7, 8, 9) });
    const moved = join(dir, 'conversations.db.corrupt-2025-05-06T07-08-09-000Z');
    expect(existsSync(moved)).toBe(true);
    expect(notices).toHaveLength(2);
    expect(notices[0]).toContain(moved);
    expect(notices[1]).toContain('restored from the backup');
    expect(db.prepare('PRAGMA quick_check').get()).toEqual({ quick_check: 'ok' });
    const store = createConversationStore(db);
    expect(store.getConversation(id)?.messages).toHaveLength(300);
    store.close();
    closeDatabase(db);
  });

  it('opens a big file without reading every page, and the start after damage was found checks and repairs it', () => {
    const path = join(dir, 'conversations.db');
    const id = makeDatabaseWithBackup(path);
    corruptions[1]![1](path); // damaged pages in the middle: only a full check sees them
    const big = { key: TEST_DB_KEY, checkAtOpenMaxBytes: 1024, now: () => Date.UTC(2025, 4, 6, 7, 8, 9) };

    const opened = openDatabase(path, big);
    expect(opened.notices).toEqual([]);
    expect(readdirSync(dir).filter((f) => f.includes('corrupt'))).toEqual([]);
    // What the idle check finds while the app runs; it asks the next start for the full check.
    expect(quickCheck(opened.db)).toMatch(/integrity check failed/);
    opened.db.close();
    requestCheckAtOpen(path);

    const { db, notices } = openDatabase(path, big);
    expect(notices[0]).toContain(join(dir, 'conversations.db.corrupt-2025-05-06T07-08-09-000Z'));
    expect(notices[1]).toContain('restored from the backup');
    const store = createConversationStore(db);
    expect(store.getConversation(id)?.messages).toHaveLength(300);
    store.close();
    closeDatabase(db);
    // Checked and repaired: the start after that skips the full check again.
    expect(readdirSync(dir).filter((f) => f.endsWith('.check-due'))).toEqual([]);
  });

  it('refuses, touching nothing, a file the key cannot decrypt when no backup proves the key right', () => {
    const path = join(dir, 'conversations.db');
    makeDatabaseWithBackup(path);
    rmSync(backupPathFor(path));
    writeFileSync(path, 'garbage'.repeat(1000));
    const before = readdirSync(dir).sort();

    expect(() => openDatabase(path, { key: TEST_DB_KEY, now: () => 0 })).toThrow(/could not decrypt your conversation database .* Nothing was changed or moved/);
    expect(readdirSync(dir).sort()).toEqual(before);
    expect(readFileSync(path, 'utf8')).toBe('garbage'.repeat(1000));
  });

  it('never moves a database aside when opened with the wrong key: it says so and changes nothing', () => {
    const path = join(dir, 'conversations.db');
    const id = makeDatabaseWithBackup(path);
    const before = readdirSync(dir).sort();
    const bytes = readFileSync(path);

    expect(() => openDatabase(path, { key: Buffer.alloc(32, 0x11) })).toThrow(StoreError);
    expect(readdirSync(dir).sort()).toEqual(before);
    expect(readFileSync(path).equals(bytes)).toBe(true);
    const { db } = openDatabase(path, { key: TEST_DB_KEY });
    expect(createConversationStore(db).getConversation(id)?.messages).toHaveLength(300);
    closeDatabase(db);
  });

  it('never moves a healthy file aside just because another process holds it locked', () => {
    const path = join(dir, 'conversations.db');
    makeDatabaseWithBackup(path);
    const holder = openDb(path, { key: TEST_DB_KEY });
    holder.exec('PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE;');
    expect(() => openDatabase(path, { key: TEST_DB_KEY, busyTimeoutMs: 50 })).toThrow(/locked/);
    holder.exec('ROLLBACK');
    holder.close();
    expect(readdirSync(dir).filter((f) => f.includes('corrupt'))).toEqual([]);
  });

  it('keeps an unreadable backup too, rather than overwriting it later', () => {
    const path = join(dir, 'conversations.db');
    makeDatabaseWithBackup(path);
    corruptions[1]![1](path);
    writeFileSync(backupPathFor(path), 'also garbage'.repeat(1000));

    const { db, notices } = openDatabase(path, { key: TEST_DB_KEY, now: () => 0 });
    expect(notices).toHaveLength(3);
    expect(readFileSync(`${backupPathFor(path)}.corrupt-1970-01-01T00-00-00-000Z`, 'utf8')).toBe('also garbage'.repeat(1000));
    closeDatabase(db);
  });

  it('opens a healthy file as it is, with WAL and foreign keys on', () => {
    const path = join(dir, 'conversations.db');
    makeDatabaseWithBackup(path);
    const { db, notices } = openDatabase(path, { key: TEST_DB_KEY });
    expect(notices).toEqual([]);
    expect(db.prepare('PRAGMA journal_mode').get()).toEqual({ journal_mode: 'wal' });
    expect(db.prepare('PRAGMA foreign_keys').get()).toEqual({ foreign_keys: 1 });
    expect(readdirSync(dir).filter((f) => f.includes('corrupt'))).toEqual([]);
    closeDatabase(db);
  });
});
