// Where the conversation database's key comes from. With a keychain: 32 random bytes made on first
// run, kept in the keychain (its own account), never written anywhere else. Without one: a
// passphrase the user chooses, stretched with scrypt; `database-key.json` holds only the salt, the
// parameters and a check value (other bytes of the same scrypt output), so a wrong passphrase is
// told apart from a damaged file without touching the database. There is no plaintext fallback.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { deriveKey, MIN_PASSPHRASE_LENGTH, SCRYPT_PARAMS } from '../crypto/passphrase';
import type { Vault } from '../vault/vault';
import { DATABASE_KEY_BYTES, isPlaintextDatabase, type DatabaseKey } from './driver';

export const PASSPHRASE_KEY_FILE = 'database-key.json';
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
  | { kind: 'key-missing' };

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
  if (existsSync(keyFile)) return { key: await keyFromPassphrase(keyFile, opts.passphrase), source: 'passphrase' };

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
  const saved = KeyFile.parse(JSON.parse(readFileSync(keyFile, 'utf8')));
  const { key, check } = await stretch(passphrase, Buffer.from(saved.salt, 'base64'), saved);
  const expected = Buffer.from(saved.check, 'base64');
  if (expected.length !== check.length || !timingSafeEqual(expected, check)) throw new DatabaseKeyError({ kind: 'wrong-passphrase' });
  return key;
}

async function createPassphraseKey(keyFile: string, passphrase: string | undefined): Promise<DatabaseKey> {
  if (passphrase === undefined) throw new DatabaseKeyError({ kind: 'needs-passphrase', firstRun: true });
  if (passphrase.length < MIN_PASSPHRASE_LENGTH) throw new DatabaseKeyError({ kind: 'weak-passphrase', minLength: MIN_PASSPHRASE_LENGTH });
  const salt = randomBytes(16);
  const { key, check } = await stretch(passphrase, salt, SCRYPT_PARAMS);
  const saved: KeyFile = { kdf: 'scrypt', salt: salt.toString('base64'), check: check.toString('base64'), ...SCRYPT_PARAMS };
  writeFileSync(`${keyFile}.tmp`, JSON.stringify(saved, null, 2), { mode: 0o600 });
  renameSync(`${keyFile}.tmp`, keyFile);
  return key;
}

/** One scrypt run: the first 32 bytes are the key, the next 32 the stored check value. */
async function stretch(passphrase: string, salt: Buffer, params: { N: number; r: number; p: number }): Promise<{ key: Buffer; check: Buffer }> {
  const out = await deriveKey(passphrase, salt, params, DATABASE_KEY_BYTES * 2);
  return { key: out.subarray(0, DATABASE_KEY_BYTES), check: out.subarray(DATABASE_KEY_BYTES) };
}
