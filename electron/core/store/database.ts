// Opens the conversation database safely: WAL, foreign keys, busy timeout, an integrity check
// at open, and a recovery path that never silently swaps a damaged file for an empty one. A
// clean close leaves `<name>.backup`, the copy recovery restores from. The file, its WAL, the
// backup and every file moved aside are encrypted with `key` (see driver.ts).
import { hasSqliteCode, openDb, type DatabaseKey, type StoreDb } from './driver';
import { StoreError } from './store-error';
import { copyFileSync, existsSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { roomFor } from './disk-space';
import { checkWal } from './wal-check';
import { salvageInto } from './salvage';
import { migrate } from './migrations';

export interface OpenedDatabase {
  db: StoreDb;
  /** Human sentences about anything unusual that happened while opening (recovery). */
  notices: string[];
}

export interface OpenOptions {
  key: DatabaseKey;
  now?: () => number;
  /** How long to wait for another connection's lock before failing; default 5 s. */
  busyTimeoutMs?: number;
  /** Files larger than this skip the full integrity check at open (see CHECK_AT_OPEN_MAX_BYTES). */
  checkAtOpenMaxBytes?: number;
}

/**
 * quick_check reads every page: about 10 ms per MB here, so 10 s at every start for a 1 GB
 * history. Above this size the file is only opened and its schema read at start-up (a wrong key
 * or a damaged header still fails there); the full check runs while the app is idle
 * (idle-check.ts), and damage it finds asks the next start for the full check and its repair
 * (requestCheckAtOpen).
 */
export const CHECK_AT_OPEN_MAX_BYTES = 16 * 1024 * 1024;

function checkDuePathFor(path: string): string {
  return `${path}.check-due`;
}

/** Makes the next open of `path` run the full check, and repair what it finds, whatever the size. */
export function requestCheckAtOpen(path: string): void {
  writeFileSync(checkDuePathFor(path), 'A check while running found damage; the next start checks this file in full.\n');
}

const SIDE_FILES = ['-wal', '-shm'] as const;

export function backupPathFor(path: string): string {
  return `${path}.backup`;
}

export function openDatabase(path: string, options: OpenOptions): OpenedDatabase {
  const { key } = options;
  const now = options.now ?? Date.now;
  const busyMs = options.busyTimeoutMs ?? 5000;
  const prepare = (db: StoreDb) => configure(db, busyMs);
  const tryOpen = (file: string, full = true) => tryOpenChecked(file, key, busyMs, full);
  if (path === ':memory:' || !existsSync(path)) return { db: prepare(openDb(path, { key })), notices: [] };

  // Before SQLite opens it: opening replays (and later checkpoints away) what it can read of the WAL.
  const walNotices = keepDamagedWalAside(path, now());
  const checkDue = checkDuePathFor(path);
  const fullCheck = existsSync(checkDue) || statSync(path).size <= (options.checkAtOpenMaxBytes ?? CHECK_AT_OPEN_MAX_BYTES);
  const first = tryOpen(path, fullCheck);
  // Whatever happens below, the file opened next has been checked or replaced.
  if (first.ok || !first.undecryptable) rmSync(checkDue, { force: true });
  if (first.ok) return { db: prepare(first.db), notices: walNotices };
  // Encrypted, "not a database" is what a wrong key looks like too: unless the backup opens with
  // this key (so the key is right and the file is damaged), touch nothing and say so.
  if (first.undecryptable && !opensWith(backupPathFor(path), key, busyMs)) throw new StoreError({ kind: 'cannot-decrypt', path });

  const movedTo = moveAside(path, now());
  const notices = [...walNotices, `The conversation database could not be read (${first.reason}). It was moved to ${movedTo}.`];
  const backup = backupPathFor(path);
  if (existsSync(backup)) {
    copyFileSync(backup, path);
    const restored = tryOpen(path);
    if (restored.ok) {
      notices.push(`Conversations were restored from the backup made at the last clean close (${backup}); anything newer is in the moved file.`);
      return { db: prepare(restored.db), notices };
    }
    rmSync(path, { force: true });
    // Moved too, or the next clean close would overwrite it with the empty database.
    const backupMovedTo = moveAside(backup, now());
    notices.push(`The backup could not be read either (${restored.reason}). It was moved to ${backupMovedTo}.`);
  }
  const fresh = prepare(openDb(path, { key }));
  const saved = salvageInto(fresh, movedTo, key);
  notices.push(
    saved.conversations > 0
      ? `Enclave recovered what it could read from the damaged file: ${saved.conversations} conversation${saved.conversations > 1 ? 's' : ''} and ${saved.messages} message${saved.messages === 1 ? '' : 's'}. Anything else is only in the moved file.`
      : 'Nothing could be read from the damaged file, so Enclave started with an empty conversation database.',
  );
  return { db: fresh, notices };
}

/**
 * Checkpoints, writes a compact copy to `<name>.backup` (via a temp file and rename, so a crash
 * here never leaves a half-written backup), then closes.
 */
export function closeDatabase(db: StoreDb): void {
  if (!db.memory) {
    const path = db.name;
    const backup = backupPathFor(path);
    const temp = `${backup}.tmp`;
    try {
      rmSync(temp, { force: true });
      // A backup that cannot fit would fill the disk only to be deleted; keep the previous one.
      if (!roomFor(dirname(path), databaseBytes(db)).fits) throw new Error('not enough free space for a backup');
      db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
      // Written through the same keyed connection, the copy is encrypted with the same key.
      db.prepare('VACUUM INTO ?').run(temp);
      renameSync(temp, backup);
    } catch {
      // A failed backup must not block closing; the previous backup stays in place.
      rmSync(temp, { force: true });
    }
  }
  db.close();
}

function databaseBytes(db: StoreDb): number {
  const row = db.prepare('SELECT page_count * page_size AS bytes FROM pragma_page_count(), pragma_page_size()').get() as { bytes: number } | undefined;
  return Number(row?.bytes ?? 0);
}

type OpenAttempt = { ok: true; db: StoreDb } | { ok: false; reason: string; undecryptable: boolean };

function tryOpenChecked(path: string, key: DatabaseKey, busyMs: number, fullCheck: boolean): OpenAttempt {
  let db: StoreDb | undefined;
  try {
    db = openDb(path, { key });
    db.exec(`PRAGMA busy_timeout = ${Math.max(0, Math.floor(busyMs))}`);
    let problem: string | undefined;
    if (fullCheck) problem = quickCheck(db);
    // Reading the schema decrypts and parses page 1: a wrong key or a damaged header fails here.
    else db.prepare('SELECT count(*) FROM sqlite_master').get();
    if (problem) {
      db.close();
      return { ok: false, reason: problem, undecryptable: false };
    }
    return { ok: true, db };
  } catch (error) {
    try {
      db?.close();
    } catch {
      // already unusable
    }
    // Only these mean "the file is damaged". Anything else (busy, permissions, disk) is thrown:
    // moving a healthy file aside because another process held a lock would be a disaster.
    const notADatabase = hasSqliteCode(error, 'SQLITE_NOTADB');
    if (!notADatabase && !hasSqliteCode(error, 'SQLITE_CORRUPT')) throw error;
    return { ok: false, reason: error instanceof Error ? error.message : String(error), undecryptable: notADatabase };
  }
}

function opensWith(path: string, key: DatabaseKey, busyMs: number): boolean {
  if (!existsSync(path)) return false;
  try {
    const attempt = tryOpenChecked(path, key, busyMs, true);
    if (attempt.ok) attempt.db.close();
    return attempt.ok || !attempt.undecryptable;
  } catch {
    return false;
  }
}

export function quickCheck(db: StoreDb): string | undefined {
  const rows = db.prepare('PRAGMA quick_check(5)').all() as Array<{ quick_check: string }>;
  const lines = rows.flatMap((r) => r.quick_check.split('\n')).filter((l) => !l.startsWith('***'));
  if (lines.length === 1 && lines[0] === 'ok') return undefined;
  const summary = lines.slice(0, 3).join('; ');
  return `integrity check failed: ${summary.length > 200 ? `${summary.slice(0, 200)}…` : summary}`;
}

/** Pragmas and migrations; outside the corruption check so a newer schema is never "repaired". */
function configure(db: StoreDb, busyMs: number): StoreDb {
  db.prepare('PRAGMA journal_mode = WAL').get();
  // NORMAL in WAL mode survives an app crash; only an OS crash can lose the last commits.
  db.exec('PRAGMA synchronous = NORMAL');
  db.exec('PRAGMA foreign_keys = ON');
  db.exec(`PRAGMA busy_timeout = ${Math.max(0, Math.floor(busyMs))}`);
  migrate(db);
  return db;
}

/** A damaged WAL: copies of the database and its log kept aside, and a sentence saying what it means. */
function keepDamagedWalAside(path: string, at: number): string[] {
  const verdict = checkWal(path);
  if (verdict.kind === 'ok') return [];
  const target = `${path}.corrupt-${new Date(at).toISOString().replace(/[:.]/g, '-')}`;
  copyFileSync(path, target);
  copyFileSync(`${path}-wal`, `${target}-wal`);
  return [
    `Part of the conversation database was damaged (${verdict.reason}): the last ${verdict.lostFrames} page write${verdict.lostFrames > 1 ? 's' : ''} before Enclave last stopped could not be read, so the most recent messages or conversations may be missing or shorter. Everything older was kept. A copy of the damaged files is at ${target}.`,
  ];
}

function moveAside(path: string, at: number): string {
  const stamp = new Date(at).toISOString().replace(/[:.]/g, '-');
  const target = `${path}.corrupt-${stamp}`;
  renameSync(path, target);
  for (const suffix of SIDE_FILES) {
    if (existsSync(path + suffix)) renameSync(path + suffix, target + suffix);
  }
  return target;
}
