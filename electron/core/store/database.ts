// Opens the conversation database safely: WAL, foreign keys, busy timeout, an integrity check
// at open, and a recovery path that never silently swaps a damaged file for an empty one. A
// clean close leaves `<name>.backup`, the copy recovery restores from.
import { DatabaseSync } from 'node:sqlite';
import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { roomFor } from './disk-space';
import { checkWal } from './wal-check';
import { salvageInto } from './salvage';
import { migrate } from './migrations';

export interface OpenedDatabase {
  db: DatabaseSync;
  /** Human sentences about anything unusual that happened while opening (recovery). */
  notices: string[];
}

export interface OpenOptions {
  now?: () => number;
  /** How long to wait for another connection's lock before failing; default 5 s. */
  busyTimeoutMs?: number;
}

const SIDE_FILES = ['-wal', '-shm'] as const;

export function backupPathFor(path: string): string {
  return `${path}.backup`;
}

export function openDatabase(path: string, options: OpenOptions = {}): OpenedDatabase {
  const now = options.now ?? Date.now;
  const busyMs = options.busyTimeoutMs ?? 5000;
  const prepare = (db: DatabaseSync) => configure(db, busyMs);
  const tryOpen = (file: string) => tryOpenChecked(file, busyMs);
  if (path === ':memory:' || !existsSync(path)) return { db: prepare(new DatabaseSync(path)), notices: [] };

  // Before SQLite opens it: opening replays (and later checkpoints away) what it can read of the WAL.
  const walNotices = keepDamagedWalAside(path, now());
  const first = tryOpen(path);
  if (first.ok) return { db: prepare(first.db), notices: walNotices };

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
  const fresh = prepare(new DatabaseSync(path));
  const saved = salvageInto(fresh, movedTo);
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
export function closeDatabase(db: DatabaseSync): void {
  const path = db.location();
  if (path) {
    const backup = backupPathFor(path);
    const temp = `${backup}.tmp`;
    try {
      rmSync(temp, { force: true });
      // A backup that cannot fit would fill the disk only to be deleted; keep the previous one.
      if (!roomFor(dirname(path), databaseBytes(db)).fits) throw new Error('not enough free space for a backup');
      db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
      db.prepare('VACUUM INTO ?').run(temp);
      renameSync(temp, backup);
    } catch {
      // A failed backup must not block closing; the previous backup stays in place.
      rmSync(temp, { force: true });
    }
  }
  db.close();
}

function databaseBytes(db: DatabaseSync): number {
  const row = db.prepare('SELECT page_count * page_size AS bytes FROM pragma_page_count(), pragma_page_size()').get() as { bytes: number } | undefined;
  return Number(row?.bytes ?? 0);
}

type OpenAttempt = { ok: true; db: DatabaseSync } | { ok: false; reason: string };

// Only these mean "the file is damaged". Anything else (busy, permissions, disk) is thrown:
// moving a healthy file aside because another process held a lock would be a disaster.
const SQLITE_CORRUPT = 11;
const SQLITE_NOTADB = 26;

function tryOpenChecked(path: string, busyMs: number): OpenAttempt {
  let db: DatabaseSync | undefined;
  try {
    db = new DatabaseSync(path);
    db.exec(`PRAGMA busy_timeout = ${Math.max(0, Math.floor(busyMs))}`);
    const problem = quickCheck(db);
    if (problem) {
      db.close();
      return { ok: false, reason: problem };
    }
    return { ok: true, db };
  } catch (error) {
    try {
      db?.close();
    } catch {
      // already unusable
    }
    if (!isCorruption(error)) throw error;
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}

function isCorruption(error: unknown): boolean {
  const code = typeof error === 'object' && error !== null && 'errcode' in error ? Number(error.errcode) & 0xff : -1;
  return code === SQLITE_CORRUPT || code === SQLITE_NOTADB;
}

export function quickCheck(db: DatabaseSync): string | undefined {
  const rows = db.prepare('PRAGMA quick_check(5)').all() as Array<{ quick_check: string }>;
  const lines = rows.flatMap((r) => r.quick_check.split('\n')).filter((l) => !l.startsWith('***'));
  if (lines.length === 1 && lines[0] === 'ok') return undefined;
  const summary = lines.slice(0, 3).join('; ');
  return `integrity check failed: ${summary.length > 200 ? `${summary.slice(0, 200)}…` : summary}`;
}

/** Pragmas and migrations; outside the corruption check so a newer schema is never "repaired". */
function configure(db: DatabaseSync, busyMs: number): DatabaseSync {
  db.exec('PRAGMA journal_mode = WAL');
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
