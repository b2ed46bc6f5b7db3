// Where the database key comes from: made once and kept in the keychain; without a keychain, a
// passphrase the person chooses (scrypt); never a silent plain-text fallback, never a new key
// over an existing encrypted database. Then rekey: the same data under a new key, WAL kept.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { DatabaseKeyError, PASSPHRASE_KEY_FILE, resolveDatabaseKey, type DatabaseKeyProblem } from '../../electron/core/store/database-key';
import { closeDatabase, openDatabase } from '../../electron/core/store/database';
import { openDb, rekey } from '../../electron/core/store/driver';
import { keyOnlyVault } from '../../electron/core/vault/vault';
import { databaseKeyProblem } from '../../electron/core/startup/database-key-problem';
import { failurePageHtml } from '../../electron/core/startup/failure-page';
import { memoryKeychain } from '../support/core-fixture';
import { noKeychainVault, useTempDirs } from '../support/no-keychain';

const freshDir = useTempDirs('enclave-dbkey-');
const noKeychain = noKeychainVault;

async function problemOf(p: Promise<unknown>): Promise<DatabaseKeyProblem> {
  const error = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DatabaseKeyError);
  return (error as DatabaseKeyError).problem;
}

function makeDatabase(dataDir: string, key: Buffer): void {
  const { db } = openDatabase(join(dataDir, 'enclave.sqlite'), { key });
  db.exec("INSERT INTO conversations (id, title, created_at, updated_at) VALUES ('c', 'Kept', 1, 1)");
  closeDatabase(db);
}

describe('with a keychain', () => {
  test('makes a random 256-bit key on first run, keeps it there only, and reuses it', async () => {
    const dataDir = freshDir();
    const keychain = memoryKeychain();
    const first = await resolveDatabaseKey({ dataDir, vault: keyOnlyVault({ backend: keychain }) });
    expect(first.source).toBe('keychain');
    expect(first.key).toHaveLength(32);
    expect([...keychain.entries.keys()]).toEqual(['Enclave/__enclave_database_key__']);
    expect(readdirSync(dataDir)).toEqual([]);
    const second = await resolveDatabaseKey({ dataDir, vault: keyOnlyVault({ backend: keychain }) });
    expect(second.key.equals(first.key)).toBe(true);
    const other = await resolveDatabaseKey({ dataDir: freshDir(), vault: keyOnlyVault({ backend: memoryKeychain() }) });
    expect(other.key.equals(first.key)).toBe(false);
  });

  test('never makes a new key for an encrypted database whose key is missing', async () => {
    const dataDir = freshDir();
    makeDatabase(dataDir, Buffer.alloc(32, 9));
    const keychain = memoryKeychain();
    expect(await problemOf(resolveDatabaseKey({ dataDir, vault: keyOnlyVault({ backend: keychain }) }))).toEqual({ kind: 'key-missing' });
    expect(keychain.entries.size).toBe(0);
  });

  test('an unreachable keychain holding the key of an existing database is named, not replaced by a passphrase', async () => {
    const dataDir = freshDir();
    makeDatabase(dataDir, Buffer.alloc(32, 9));
    const problem = await problemOf(resolveDatabaseKey({ dataDir, vault: noKeychain(), passphrase: 'a fine passphrase' }));
    expect(problem.kind).toBe('keychain-unavailable');
    expect(existsSync(join(dataDir, PASSPHRASE_KEY_FILE))).toBe(false);
  });
});

test('a keychain that is only locked is named, and the folder is not tied to a passphrase for it', async () => {
  const dataDir = freshDir();
  const locked = keyOnlyVault({
    backend: { ...memoryKeychain(), setPassword: () => Promise.reject(new Error('Cannot create an item in a locked collection')) },
    platform: 'linux',
  });
  const problem = await problemOf(resolveDatabaseKey({ dataDir, vault: locked, passphrase: 'a fine passphrase' }));
  expect(problem.kind).toBe('keychain-unavailable');
  expect(readdirSync(dataDir)).toEqual([]);
});

describe('without a keychain', () => {
  test('asks for a passphrase instead of falling back to plain text', async () => {
    const dataDir = freshDir();
    expect(await problemOf(resolveDatabaseKey({ dataDir, vault: noKeychain() }))).toEqual({ kind: 'needs-passphrase', firstRun: true });
    expect(await problemOf(resolveDatabaseKey({ dataDir, vault: noKeychain(), passphrase: 'short' }))).toEqual({ kind: 'weak-passphrase', minLength: 8 });
    expect(readdirSync(dataDir)).toEqual([]);
  });

  test('stretches the chosen passphrase with scrypt, stores only salt, parameters and a check value, and knows a wrong one', async () => {
    const dataDir = freshDir();
    const passphrase = 'correct horse battery staple';
    const made = await resolveDatabaseKey({ dataDir, vault: noKeychain(), passphrase });
    expect(made.source).toBe('passphrase');
    const file = readFileSync(join(dataDir, PASSPHRASE_KEY_FILE), 'utf8');
    expect(JSON.parse(file)).toMatchObject({ kdf: 'scrypt', N: 32768, r: 8, p: 1 });
    expect(file).not.toContain(made.key.toString('hex').slice(0, 8));
    expect(file).not.toContain(made.key.toString('base64').slice(0, 8));
    expect(file).not.toContain(passphrase);
    makeDatabase(dataDir, made.key);

    // Later starts: the passphrase is asked for even if a keychain appears, and only the right one opens.
    expect(await problemOf(resolveDatabaseKey({ dataDir, vault: keyOnlyVault({ backend: memoryKeychain() }) }))).toEqual({ kind: 'needs-passphrase', firstRun: false });
    expect(await problemOf(resolveDatabaseKey({ dataDir, vault: noKeychain(), passphrase: 'correct horse battery stapler' }))).toEqual({ kind: 'wrong-passphrase' });
    const again = await resolveDatabaseKey({ dataDir, vault: noKeychain(), passphrase });
    expect(again.key.equals(made.key)).toBe(true);
    const { db } = openDatabase(join(dataDir, 'enclave.sqlite'), { key: again.key });
    expect(db.prepare('SELECT title FROM conversations').get()).toEqual({ title: 'Kept' });
    closeDatabase(db);
  });
});

test('rekey re-encrypts in place: the old key no longer opens it, the new one does, in WAL mode again', () => {
  const dataDir = freshDir();
  const path = join(dataDir, 'enclave.sqlite');
  const oldKey = Buffer.alloc(32, 1);
  const newKey = Buffer.alloc(32, 2);
  makeDatabase(dataDir, oldKey);
  const before = readFileSync(path);
  const { db } = openDatabase(path, { key: oldKey });
  rekey(db, newKey);
  expect(db.prepare('PRAGMA journal_mode').get()).toEqual({ journal_mode: 'wal' });
  closeDatabase(db);
  expect(readFileSync(path).equals(before)).toBe(false);
  expect(() => openDb(path, { key: oldKey }).close()).toThrow(/not a database/);
  const reopened = openDb(path, { key: newKey });
  expect(reopened.prepare('SELECT title FROM conversations').get()).toEqual({ title: 'Kept' });
  reopened.close();
});

test('a missing passphrase or key becomes the start-up page’s own problem, not "an unexpected error"', async () => {
  const error = await resolveDatabaseKey({ dataDir: freshDir(), vault: noKeychain() }).catch((e: unknown) => e);
  const problem = databaseKeyProblem(error);
  expect(problem).toMatchObject({ kind: 'database-key', blocking: true, title: 'Your conversations need a passphrase' });
  expect(failurePageHtml([problem!])).toContain('Choose a passphrase to encrypt it with');
  expect(databaseKeyProblem(new Error('a bug'))).toBeUndefined();
});
