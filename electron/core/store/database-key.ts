// Where the conversation database's key comes from. With a keychain: 32 random bytes made on first
// run, kept in the keychain (its own account), never written anywhere else. Without one: a
// passphrase the user chooses, stretched with scrypt; `database-key.json` holds only the salt, the
// parameters and a check value (other bytes of the same scrypt output), so a wrong passphrase is
// told apart from a damaged file without touching the database. There is no plaintext fallback.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { deriveKey, MIN_PASSPHRASE_LENGTH, SCRYPT_PARAMS } from '../crypto/passphrase';
import type { Vault } from '../vault/vault';
import { DATABASE_KEY_BYTES, hasSqliteCode, isPlaintextDatabase, openDb, type DatabaseKey } from './driver';

export const PASSPHRASE_KEY_FILE = 'database-key.json';
/** The new passphrase's file while a change of passphrase is under way (store/change-passphrase.ts). */
export const PENDING_KEY_FILE = 'database-key.json.pending';
export const DATABASE_FILE = 'enclave.sqlite';

export type KeySource = 'keychain' | 'passphrase';

export type DatabaseKeyProblem =
  /** No keychain, and the database is (or will be) protected by a passphrase the user types. */
  | { kind: 'needs-passphrase'; firstRun: boolean }
  | { kind: 'wrong-passphrase' }
  | { kind: 'weak-passphrase'; minLength: number }
  /** The database is encrypted with a keychain key, but the keychain cannot be reached now. */
  | { kind: 'keychain-unavailable'; reason: string }
  /** The keychain is there but holds no key for an existing encrypted database. */
  | { kind: 'key-missing' }
  /** A change of passphrase was cut off, and the passphrase typed is not the one the database has now. */
  | { kind: 'change-unfinished' };

export class DatabaseKeyError extends Error {
  constructor(readonly problem: DatabaseKeyProblem) {
    super(describeKeyProblem(problem));
    this.name = 'DatabaseKeyError';
  }
}

export function describeKeyProblem(p: DatabaseKeyProblem): string {
  switch (p.kind) {
    case 'needs-passphrase':
      return p.firstRun
        ? 'No keychain is available to hold the key of your conversation database. Choose a passphrase to encrypt it with; Enclave cannot recover it if you forget it.'
        : 'Your conversation database is encrypted with your passphrase. Enter it to open Enclave.';
    case 'wrong-passphrase':
      return 'That passphrase does not open your conversation database. Nothing was changed.';
    case 'weak-passphrase':
      return `Choose a passphrase of at least ${p.minLength} characters.`;
    case 'keychain-unavailable':
      return `The key of your conversation database is in the system keychain, which cannot be reached (${p.reason}). Unlock or start the keychain and open Enclave again. Nothing was changed.`;
    case 'key-missing':
      return 'The system keychain holds no key for your encrypted conversation database (it may have been deleted or this is another keychain). Enclave will not replace it with a new key, so nothing was changed.';
    case 'change-unfinished':
      return 'Enclave stopped while changing your passphrase, and your conversations are still under the other one: the previous passphrase if you typed the new one, the new one if you typed the previous one. Nothing was lost.';
    default: {
      const unreachable: never = p;
      return String(unreachable);
    }
  }
}

const KeyFile = z.object({
  kdf: z.literal('scrypt'),
  salt: z.string().min(16),
  check: z.string().min(16),
  N: z.number().int().positive(),
  r: z.number().int().positive(),
  p: z.number().int().positive(),
});
type KeyFile = z.infer<typeof KeyFile>;

export interface ResolveKeyOptions {
  dataDir: string;
  vault: Pick<Vault, 'probe' | 'getDatabaseKey' | 'setDatabaseKey'>;
  /** Typed by the user when the keychain is unavailable (or the data folder uses a passphrase). */
  passphrase?: string;
}

export interface ResolvedKey {
  key: DatabaseKey;
  source: KeySource;
}

export async function resolveDatabaseKey(opts: ResolveKeyOptions): Promise<ResolvedKey> {
  const keyFile = join(opts.dataDir, PASSPHRASE_KEY_FILE);
  if (existsSync(join(opts.dataDir, PENDING_KEY_FILE))) return { key: await settled(opts.dataDir, settlePendingKey(opts.dataDir, opts.passphrase)), source: 'passphrase' };
  if (existsSync(keyFile)) return { key: await settled(opts.dataDir, keyFromPassphrase(keyFile, opts.passphrase)), source: 'passphrase' };

  const dbPath = join(opts.dataDir, DATABASE_FILE);
  const encryptedExists = existsSync(dbPath) && !isPlaintextDatabase(dbPath);
  const keychain = await opts.vault.probe();
  if (keychain.available) {
    const stored = await opts.vault.getDatabaseKey();
    if (stored !== null && /^[0-9a-f]{64}$/.test(stored)) return { key: Buffer.from(stored, 'hex'), source: 'keychain' };
    if (encryptedExists) throw new DatabaseKeyError({ kind: 'key-missing' });
    const fresh = randomBytes(DATABASE_KEY_BYTES);
    await opts.vault.setDatabaseKey(fresh.toString('hex'));
    // Read back: a keychain that drops writes must fail here, before a database is encrypted with a lost key.
    if ((await opts.vault.getDatabaseKey()) !== fresh.toString('hex')) throw new DatabaseKeyError({ kind: 'keychain-unavailable', reason: 'it did not keep a new entry' });
    return { key: fresh, source: 'keychain' };
  }
  // Locked is not absent: unlocking it is all it takes, so the folder is not tied to a passphrase.
  if (encryptedExists || keychain.locked) throw new DatabaseKeyError({ kind: 'keychain-unavailable', reason: keychain.reason ?? 'no reason given' });
  return { key: await createPassphraseKey(keyFile, opts.passphrase), source: 'passphrase' };
}

async function keyFromPassphrase(keyFile: string, passphrase: string | undefined): Promise<DatabaseKey> {
  if (passphrase === undefined) throw new DatabaseKeyError({ kind: 'needs-passphrase', firstRun: false });
  const key = await keyFromKeyFile(keyFile, passphrase);
  if (!key) throw new DatabaseKeyError({ kind: 'wrong-passphrase' });
  return key;
}

/** The key the passphrase gives under this key file, or undefined when its check value says it is the wrong one. */
export async function keyFromKeyFile(keyFile: string, passphrase: string): Promise<DatabaseKey | undefined> {
  const saved = KeyFile.parse(JSON.parse(readFileSync(keyFile, 'utf8')));
  const { key, check } = await stretch(passphrase, Buffer.from(saved.salt, 'base64'), saved);
  const expected = Buffer.from(saved.check, 'base64');
  return expected.length === check.length && timingSafeEqual(expected, check) ? key : undefined;
}

async function createPassphraseKey(keyFile: string, passphrase: string | undefined): Promise<DatabaseKey> {
  if (passphrase === undefined) throw new DatabaseKeyError({ kind: 'needs-passphrase', firstRun: true });
  return writeKeyFile(keyFile, passphrase);
}

/** A new salt and check value for `passphrase`, written atomically to `keyFile`; returns its key. */
export async function writeKeyFile(keyFile: string, passphrase: string): Promise<DatabaseKey> {
  if (passphrase.length < MIN_PASSPHRASE_LENGTH) throw new DatabaseKeyError({ kind: 'weak-passphrase', minLength: MIN_PASSPHRASE_LENGTH });
  const salt = randomBytes(16);
  const { key, check } = await stretch(passphrase, salt, SCRYPT_PARAMS);
  const saved: KeyFile = { kdf: 'scrypt', salt: salt.toString('base64'), check: check.toString('base64'), ...SCRYPT_PARAMS };
  writeFileSync(`${keyFile}.tmp`, JSON.stringify(saved, null, 2), { mode: 0o600, flush: true });
  renameSync(`${keyFile}.tmp`, keyFile);
  return key;
}

/**
 * A change of passphrase was cut off: the database opens with the old key or the new one, never
 * neither. Whichever of the two the typed passphrase gives and the database opens with wins, and
 * the other file goes, so the folder is back to one key file.
 */
async function settlePendingKey(dataDir: string, passphrase: string | undefined): Promise<DatabaseKey> {
  if (passphrase === undefined) throw new DatabaseKeyError({ kind: 'needs-passphrase', firstRun: false });
  const keyFile = join(dataDir, PASSPHRASE_KEY_FILE);
  const pending = join(dataDir, PENDING_KEY_FILE);
  const current = existsSync(keyFile) ? await keyFromKeyFile(keyFile, passphrase) : undefined;
  const next = await keyFromKeyFile(pending, passphrase).catch(() => undefined);
  if (!current && !next) throw new DatabaseKeyError({ kind: 'wrong-passphrase' });
  const dbPath = join(dataDir, DATABASE_FILE);
  if (next && opensWith(dbPath, next)) {
    renameSync(pending, keyFile);
    return next;
  }
  if (current && opensWith(dbPath, current)) {
    rmSync(pending, { force: true });
    return current;
  }
  throw new DatabaseKeyError({ kind: 'change-unfinished' });
}

/** Once one key opens the folder, a copy made before a change of passphrase (under the old key) has no use left. */
async function settled(dataDir: string, key: Promise<DatabaseKey>): Promise<DatabaseKey> {
  const resolved = await key;
  rmSync(join(dataDir, `${DATABASE_FILE}.before-rekey`), { force: true });
  return resolved;
}

function opensWith(path: string, key: DatabaseKey): boolean {
  try {
    openDb(path, { key }).close();
    return true;
  } catch (error) {
    if (hasSqliteCode(error, 'SQLITE_NOTADB')) return false;
    throw error;
  }
}

/** One scrypt run: the first 32 bytes are the key, the next 32 the stored check value. */
async function stretch(passphrase: string, salt: Buffer, params: { N: number; r: number; p: number }): Promise<{ key: Buffer; check: Buffer }> {
  const out = await deriveKey(passphrase, salt, params, DATABASE_KEY_BYTES * 2);
  return { key: out.subarray(0, DATABASE_KEY_BYTES), check: out.subarray(DATABASE_KEY_BYTES) };
}
