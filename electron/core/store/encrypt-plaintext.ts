// Encrypts a data folder written before encryption at rest (a node:sqlite database in plain text).
// The plain file stays untouched until an encrypted copy next to it has been verified (integrity
// check, row counts per table); one rename then puts the copy in its place. A kill at any point
// leaves either the complete plain database or the complete encrypted one, and the next start
// finishes the job. The plain bytes are gone from the file system's view after the rename, but an
// SSD or a copy-on-write file system may keep old blocks until reused: see docs/encryption-at-rest.md.
import { closeSync, copyFileSync, existsSync, fsyncSync, openSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { isPlaintextDatabase, openDb, rekey, type DatabaseKey, type StoreDb } from './driver';

/** Where a migration can be interrupted; tests kill the process at each. */
export type EncryptStep = 'checkpointed' | 'copied' | 'encrypted' | 'verified' | 'renamed' | 'backup-encrypted';

export interface EncryptResult {
  /** Rows per table, equal in the plain original and the encrypted copy. */
  rows: Record<string, number>;
  /** Damaged copies an earlier version set aside, still plain: they fail any check a copy must pass. */
  plainLeftovers: string[];
}

const tempPathFor = (path: string) => `${path}.encrypting`;

/** Finishes (or starts) the encryption of `path` and its backup; undefined when both were encrypted already. */
export function encryptIfPlaintext(path: string, key: DatabaseKey, onStep: (step: EncryptStep) => void = () => undefined): EncryptResult | undefined {
  let result: EncryptResult | undefined;
  if (isPlaintextDatabase(path)) result = encryptDatabase(path, key, onStep);
  const backup = `${path}.backup`;
  if (isPlaintextDatabase(backup)) {
    try {
      encryptDatabase(backup, key, () => undefined);
    } catch {
      // An unreadable plain backup cannot be encrypted; the verified database replaces it at close.
      rmSync(backup, { force: true });
    }
    onStep('backup-encrypted');
    result ??= { rows: {}, plainLeftovers: [] };
  }
  if (result) result.plainLeftovers = plainDamagedCopies(path);
  // A copy left by a kill before its rename: the original it came from is still in place.
  removeWithSideFiles(tempPathFor(path));
  removeWithSideFiles(tempPathFor(backup));
  return result;
}

function plainDamagedCopies(path: string): string[] {
  const prefix = `${basename(path)}.corrupt-`;
  return readdirSync(dirname(path))
    .filter((name) => name.startsWith(prefix))
    .map((name) => join(dirname(path), name))
    .filter((file) => (file.endsWith('-wal') ? !isEncryptedWal(file) : isPlaintextDatabase(file)));
}

/** A WAL of a plain database holds plain pages; any WAL beside a plain damaged copy is plain too. */
function isEncryptedWal(walPath: string): boolean {
  return !isPlaintextDatabase(walPath.slice(0, -'-wal'.length));
}

function removeWithSideFiles(path: string): void {
  for (const suffix of ['', '-journal', '-wal', '-shm']) rmSync(path + suffix, { force: true });
}

function encryptDatabase(path: string, key: DatabaseKey, onStep: (step: EncryptStep) => void): EncryptResult {
  const temp = tempPathFor(path);
  removeWithSideFiles(temp);

  // Everything into the main file, so one file copy carries all of it.
  const plain = openDb(path, { key: 'plaintext' });
  let rows: Record<string, number>;
  try {
    plain.exec('PRAGMA wal_checkpoint(TRUNCATE)');
    rows = countRows(plain);
  } finally {
    plain.close();
  }
  if (existsSync(`${path}-wal`) && statSync(`${path}-wal`).size > 0) throw new Error(`${path}-wal could not be folded into the database; it was left as it was.`);
  onStep('checkpointed');

  copyFileSync(path, temp);
  onStep('copied');

  const copy = openDb(temp, { key: 'plaintext' });
  try {
    rekey(copy, key);
  } finally {
    copy.close();
  }
  onStep('encrypted');

  verify(temp, key, rows);
  onStep('verified');

  syncFile(temp);
  for (const suffix of ['-journal', '-wal', '-shm']) rmSync(temp + suffix, { force: true });
  rmSync(`${path}-shm`, { force: true });
  rmSync(`${path}-wal`, { force: true });
  renameSync(temp, path);
  syncFile(dirname(path));
  onStep('renamed');
  return { rows, plainLeftovers: [] };
}

function verify(path: string, key: DatabaseKey, expected: Record<string, number>): void {
  // Read-write although it only reads: a read-only WAL connection leaves its -wal and -shm behind.
  const db = openDb(path, { key });
  try {
    const check = db.prepare('PRAGMA integrity_check').all() as Array<{ integrity_check: string }>;
    if (check.length !== 1 || check[0]?.integrity_check !== 'ok')
      throw new Error(`The encrypted copy failed its integrity check: ${check.map((r) => r.integrity_check).join('; ')}`);
    const actual = countRows(db);
    for (const [table, n] of Object.entries(expected)) {
      if (actual[table] !== n) throw new Error(`The encrypted copy has ${actual[table] ?? 0} rows in ${table}, the original ${n}.`);
    }
  } finally {
    db.close();
  }
}

function countRows(db: StoreDb): Record<string, number> {
  const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%'").all() as Array<{ name: string }>;
  const rows: Record<string, number> = {};
  for (const { name } of tables) rows[name] = Number((db.prepare(`SELECT count(*) AS n FROM "${name.replace(/"/g, '""')}"`).get() as { n: number }).n);
  return rows;
}

function syncFile(path: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    fsyncSync(fd);
  } catch {
    // Windows cannot open a folder to sync it; the rename is still atomic there.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
