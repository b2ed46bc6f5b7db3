// The one door to SQLite. The store runs on SQLite3 Multiple Ciphers (better-sqlite3-multiple-ciphers):
// every page of the database, its WAL and every copy is encrypted with ChaCha20-Poly1305 (see
// docs/encryption-at-rest.md). No other store file imports the library; they see only StoreDb.
import Database from 'better-sqlite3-multiple-ciphers';
import { closeSync, openSync, readSync } from 'node:fs';

export type SqlValue = string | number | bigint | Buffer | null;

export interface RunResult {
  changes: number;
  lastInsertRowid: number | bigint;
}

export interface StoreStatement {
  run(...params: SqlValue[]): RunResult;
  get(...params: SqlValue[]): unknown;
  /** Only for statements that return rows (a PRAGMA that sets a value needs run or exec). */
  all(...params: SqlValue[]): unknown[];
  iterate(...params: SqlValue[]): IterableIterator<unknown>;
}

export interface StoreDb {
  prepare(sql: string): StoreStatement;
  exec(sql: string): void;
  close(): void;
  /** The file path given at open (':memory:' for an in-memory database). */
  readonly name: string;
  readonly memory: boolean;
  readonly open: boolean;
  readonly inTransaction: boolean;
}

/** 32 random bytes from the keychain, or scrypt's output from the user's passphrase. */
export type DatabaseKey = Buffer;
export const DATABASE_KEY_BYTES = 32;
/** SQLite3MC's name for ChaCha20-Poly1305 (the sqleet scheme): chosen by bench §10. */
export const DATABASE_CIPHER = 'chacha20';
/** The same, as a person reads it. */
export const DATABASE_CIPHER_NAME = 'ChaCha20-Poly1305 (SQLite3 Multiple Ciphers), 256-bit key';

export interface DriverOptions {
  /** 'plaintext' only to read a wave-1/2 database while encrypting it, and for ':memory:'. */
  key: DatabaseKey | 'plaintext';
  readonly?: boolean;
  /** Locks the file for this connection alone; in WAL mode the WAL index then needs no -shm file. */
  exclusive?: boolean;
}

/** A database file whose first bytes are SQLite's plain header: written before encryption. */
export class PlaintextDatabaseError extends Error {
  constructor(readonly path: string) {
    super(`${path} is an unencrypted SQLite database.`);
    this.name = 'PlaintextDatabaseError';
  }
}

const PLAIN_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

export function isPlaintextDatabase(path: string): boolean {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const head = Buffer.alloc(PLAIN_HEADER.length);
    return readSync(fd, head, 0, head.length, 0) === head.length && head.equals(PLAIN_HEADER);
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Opens `path` keyed, with temp files in memory (a sort or index build never spills plain pages to
 * /tmp), and reads the schema once: a wrong key or a plain file fails here, not at the first query.
 */
export function openDb(path: string, options: DriverOptions): StoreDb {
  const db = new Database(path, { readonly: options.readonly ?? false });
  try {
    if (options.key !== 'plaintext' && path !== ':memory:') applyKey(db, options.key);
    db.pragma('temp_store = MEMORY');
    if (options.exclusive) db.pragma('locking_mode = EXCLUSIVE');
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
    return db as unknown as StoreDb;
  } catch (error) {
    db.close();
    if (options.key !== 'plaintext' && hasSqliteCode(error, 'SQLITE_NOTADB') && isPlaintextDatabase(path)) throw new PlaintextDatabaseError(path);
    throw error;
  }
}

function applyKey(db: Database.Database, key: DatabaseKey): void {
  if (key.length !== DATABASE_KEY_BYTES) throw new Error(`A database key has ${DATABASE_KEY_BYTES} bytes, not ${key.length}.`);
  db.pragma(`cipher = '${DATABASE_CIPHER}'`);
  db.pragma(`hexkey = '${key.toString('hex')}'`);
}

/**
 * Re-encrypts the open database with `next` in place (or encrypts a plain one). SQLite3MC cannot rekey in WAL mode, so the
 * journal switches to DELETE for the rekey and back to WAL after; the caller makes a backup first.
 */
export function rekey(db: StoreDb, next: DatabaseKey): void {
  if (next.length !== DATABASE_KEY_BYTES) throw new Error(`A database key has ${DATABASE_KEY_BYTES} bytes, not ${next.length}.`);
  db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
  db.prepare('PRAGMA journal_mode = DELETE').get();
  try {
    // Names the cipher for a plain database being encrypted; an encrypted one keeps its own.
    db.prepare(`PRAGMA cipher = '${DATABASE_CIPHER}'`).run();
    db.prepare(`PRAGMA hexrekey = '${next.toString('hex')}'`).run();
  } finally {
    db.prepare('PRAGMA journal_mode = WAL').get();
  }
}

/** SQLite's result code name ('SQLITE_FULL', 'SQLITE_IOERR_SHMSIZE', ...), if `error` carries one. */
export function sqliteCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  const code = (error as { code: unknown }).code;
  return typeof code === 'string' && code.startsWith('SQLITE_') ? code : undefined;
}

/** Whether `error`'s primary result code is `primary` (extended codes included: SQLITE_CORRUPT_VTAB). */
export function hasSqliteCode(error: unknown, primary: string): boolean {
  const code = sqliteCode(error);
  return code === primary || (code?.startsWith(`${primary}_`) ?? false);
}
