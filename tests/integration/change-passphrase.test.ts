// Changing the database passphrase re-encrypts the database under a new key. Killed right after
// each step, the folder still opens with one of the two passphrases — the old one until the
// rekey, the new one from then on — with every message, and that start settles the change.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { DatabaseKeyError, PENDING_KEY_FILE, resolveDatabaseKey, type DatabaseKeyProblem } from '../../electron/core/store/database-key';
import { closeDatabase, openDatabase } from '../../electron/core/store/database';
import { openDb } from '../../electron/core/store/driver';
import { createConversationStore } from '../../electron/core/store/conversation-store';
import { noKeychainVault } from '../support/no-keychain';

const OLD = 'the passphrase before';
const NEW = 'the passphrase after, longer';
const MESSAGES = 30;
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
const noKeychain = noKeychainVault;
const keyFor = (dataDir: string, passphrase: string) => resolveDatabaseKey({ dataDir, vault: noKeychain(), passphrase });

async function passphraseFolder(): Promise<string> {
  const dataDir = mkdtempSync(join(tmpdir(), 'enclave-change-'));
  dirs.push(dataDir);
  const { key } = await keyFor(dataDir, OLD);
  const { db } = openDatabase(join(dataDir, 'enclave.sqlite'), { key });
  const store = createConversationStore(db);
  const conv = store.createConversation({ title: 'Survives the change' });
  let parentId: string | null = null;
  for (let i = 0; i < MESSAGES; i++)
    parentId = store.addMessage({ conversationId: conv.id, parentId, role: 'user', content: `message ${i}`, status: 'complete', createdAt: i + 1 }).id;
  store.close();
  closeDatabase(db);
  return dataDir;
}

function run(dataDir: string, killAt?: string): { killed: boolean; stderr: string } {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'tests/support/change-passphrase-until-killed.ts', dataDir, OLD, NEW, ...(killAt ? [killAt] : [])], {
    cwd: resolve(__dirname, '../..'),
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { killed: result.signal === 'SIGKILL', stderr: result.stderr };
}

async function problemOf(p: Promise<unknown>): Promise<DatabaseKeyProblem['kind']> {
  const error = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DatabaseKeyError);
  return (error as DatabaseKeyError).problem.kind;
}

function messagesUnder(dataDir: string, key: Buffer): number {
  const db = openDb(join(dataDir, 'enclave.sqlite'), { key, readonly: true });
  try {
    return Number((db.prepare('SELECT count(*) AS n FROM messages').get() as { n: number }).n);
  } finally {
    db.close();
  }
}

describe('changing the database passphrase', () => {
  test.each([
    ['backed-up', OLD, NEW],
    ['pending-written', OLD, NEW],
    ['rekeyed', NEW, OLD],
    ['verified', NEW, OLD],
    ['backup-rewritten', NEW, OLD],
    ['committed', NEW, OLD],
  ])(
    'killed after "%s", the database opens with one passphrase (%s) and that start settles the change',
    async (step, opens, other) => {
      const dataDir = await passphraseFolder();
      const child = run(dataDir, step);
      expect(child.killed, child.stderr).toBe(true);

      // The other passphrase is refused in words and changes nothing.
      const pendingBefore = existsSync(join(dataDir, PENDING_KEY_FILE));
      expect(await problemOf(keyFor(dataDir, other))).toBe(pendingBefore ? 'change-unfinished' : 'wrong-passphrase');
      expect(existsSync(join(dataDir, PENDING_KEY_FILE))).toBe(pendingBefore);

      const { key } = await keyFor(dataDir, opens);
      expect(messagesUnder(dataDir, key)).toBe(MESSAGES);
      expect(readdirSync(dataDir).filter((f) => /pending|before-rekey/.test(f))).toEqual([]);
      // Settled: the same passphrase opens it again, the other one is simply wrong now.
      expect((await keyFor(dataDir, opens)).key.equals(key)).toBe(true);
      expect(await problemOf(keyFor(dataDir, other))).toBe('wrong-passphrase');
    },
    120_000,
  );

  test('a finished change: the new passphrase opens everything, backup included, and no stray file is left', async () => {
    const dataDir = await passphraseFolder();
    const child = run(dataDir);
    expect(child.killed, child.stderr).toBe(false);
    expect(await problemOf(keyFor(dataDir, OLD))).toBe('wrong-passphrase');
    const { key } = await keyFor(dataDir, NEW);
    expect(messagesUnder(dataDir, key)).toBe(MESSAGES);
    const backup = openDb(join(dataDir, 'enclave.sqlite.backup'), { key, readonly: true });
    expect(Number((backup.prepare('SELECT count(*) AS n FROM messages').get() as { n: number }).n)).toBe(MESSAGES);
    backup.close();
    expect(readdirSync(dataDir).filter((f) => /pending|before-rekey|\.tmp$/.test(f))).toEqual([]);
  }, 120_000);

  test('a wrong current passphrase or a short new one changes nothing', async () => {
    const dataDir = await passphraseFolder();
    const { key } = await keyFor(dataDir, OLD);
    const { db } = openDatabase(join(dataDir, 'enclave.sqlite'), { key });
    const { changeDatabasePassphrase } = await import('../../electron/core/store/change-passphrase');
    expect(await problemOf(changeDatabasePassphrase({ dataDir, db, current: 'not the one', next: NEW }))).toBe('wrong-passphrase');
    expect(await problemOf(changeDatabasePassphrase({ dataDir, db, current: OLD, next: 'short' }))).toBe('weak-passphrase');
    closeDatabase(db);
    expect(existsSync(join(dataDir, PENDING_KEY_FILE))).toBe(false);
    expect(messagesUnder(dataDir, (await keyFor(dataDir, OLD)).key)).toBe(MESSAGES);
  });

  test('a second change sent while one runs is refused, and the first one completes', async () => {
    const dataDir = await passphraseFolder();
    const { key } = await keyFor(dataDir, OLD);
    const { db } = openDatabase(join(dataDir, 'enclave.sqlite'), { key });
    const { changePassphraseForUser } = await import('../../electron/core/store/change-passphrase-call');
    const both = await Promise.allSettled([
      changePassphraseForUser({ dataDir, db, source: 'passphrase', current: OLD, next: NEW }),
      changePassphraseForUser({ dataDir, db, source: 'passphrase', current: OLD, next: 'a third passphrase' }),
    ]);
    closeDatabase(db);
    expect(both[0].status).toBe('fulfilled');
    expect(both[1]).toMatchObject({ status: 'rejected', reason: { message: expect.stringContaining('being changed already') } });
    expect(messagesUnder(dataDir, (await keyFor(dataDir, NEW)).key)).toBe(MESSAGES);
  });
});
