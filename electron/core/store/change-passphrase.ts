// Changes the passphrase of a passphrase-protected data folder, re-encrypting the database under
// the new key. Ordered so a kill at any step leaves a database that opens with one of the two
// keys, and the next start (database-key.ts, settlePendingKey) finishes or undoes the change:
// backup → the new key file as pending → rekey → verify → backup under the new key → commit.
import { closeSync, existsSync, fsyncSync, openSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DATABASE_FILE, DatabaseKeyError, keyFromKeyFile, PASSPHRASE_KEY_FILE, PENDING_KEY_FILE, writeKeyFile } from './database-key';
import { openDb, rekey, type DatabaseKey, type StoreDb } from './driver';

export type ChangeStep = 'backed-up' | 'pending-written' | 'rekeyed' | 'verified' | 'backup-rewritten' | 'committed';
export const BEFORE_REKEY_BACKUP = `${DATABASE_FILE}.before-rekey`;

export interface ChangePassphraseOptions {
  dataDir: string;
  /** The engine's own read-write connection, opened with the current key. */
  db: StoreDb;
  current: string;
  next: string;
  onStep?: (step: ChangeStep) => void;
}

function fsyncDir(dir: string): void {
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function vacuumInto(db: StoreDb, target: string): void {
  const temp = `${target}.tmp`;
  rmSync(temp, { force: true });
  db.prepare('VACUUM INTO ?').run(temp);
  renameSync(temp, target);
}

/** Returns the new key; the caller reopens whatever else holds the old one (the read worker). */
export async function changeDatabasePassphrase(opts: ChangePassphraseOptions): Promise<DatabaseKey> {
  const keyFile = join(opts.dataDir, PASSPHRASE_KEY_FILE);
  const pending = join(opts.dataDir, PENDING_KEY_FILE);
  const dbPath = join(opts.dataDir, DATABASE_FILE);
  const step = opts.onStep ?? (() => undefined);
  if (!existsSync(keyFile) || !(await keyFromKeyFile(keyFile, opts.current))) throw new DatabaseKeyError({ kind: 'wrong-passphrase' });

  vacuumInto(opts.db, join(opts.dataDir, BEFORE_REKEY_BACKUP));
  step('backed-up');
  const nextKey = await writeKeyFile(pending, opts.next); // refuses a short one before anything changes
  fsyncDir(opts.dataDir);
  step('pending-written');
  rekey(opts.db, nextKey);
  step('rekeyed');
  const check = openDb(dbPath, { key: nextKey, readonly: true });
  try {
    const result = check.prepare('PRAGMA integrity_check').get() as { integrity_check: string } | undefined;
    if (result?.integrity_check !== 'ok')
      throw new Error(`The database did not verify under the new key (${result?.integrity_check ?? 'no answer'}); the previous passphrase still opens it.`);
  } finally {
    check.close();
  }
  step('verified');
  vacuumInto(opts.db, `${dbPath}.backup`);
  step('backup-rewritten');
  renameSync(pending, keyFile);
  fsyncDir(dirname(keyFile));
  step('committed');
  rmSync(join(opts.dataDir, BEFORE_REKEY_BACKUP), { force: true });
  return nextKey;
}
