// One engine per data folder: two engines on one database would mark each other's live replies
// interrupted and overwrite each other's settings. The lock is a file holding the owner's pid;
// a lock whose process is gone (a crash, a kill -9) is stale and taken over.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

export const LOCK_FILE = 'enclave.lock';

export interface LockOwner {
  pid: number;
  host: string;
  since: number;
}

export interface DataDirLock {
  readonly path: string;
  release(): void;
}

export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly owner: LockOwner,
  ) {
    super(`Another Enclave (process ${owner.pid}) is already using ${dataDir}.`);
    this.name = 'DataDirLockedError';
  }
}

/** Locks held by engines in this process: a pid check alone cannot tell two of ours apart. */
const heldHere = new Set<string>();

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readOwner(path: string): LockOwner | undefined {
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<LockOwner>;
    if (typeof parsed.pid !== 'number' || !Number.isInteger(parsed.pid) || parsed.pid <= 0) return undefined;
    return { pid: parsed.pid, host: String(parsed.host ?? ''), since: Number(parsed.since ?? 0) };
  } catch {
    return undefined;
  }
}

function isLive(path: string, owner: LockOwner | undefined): owner is LockOwner {
  if (!owner) return false;
  if (owner.host !== hostname()) return true; // a shared folder used from another machine: cannot check, so respect it
  if (owner.pid === process.pid) return heldHere.has(path);
  return isAlive(owner.pid);
}

/** Takes the data folder's lock or throws DataDirLockedError naming the live owner. */
export function acquireDataDirLock(dataDir: string, now: () => number = Date.now): DataDirLock {
  const path = join(dataDir, LOCK_FILE);
  const me: LockOwner = { pid: process.pid, host: hostname(), since: now() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(path, JSON.stringify(me) + '\n', { flag: 'wx', mode: 0o600 });
      heldHere.add(path);
      return {
        path,
        release() {
          if (!heldHere.delete(path)) return;
          const owner = readOwner(path);
          if (owner?.pid === me.pid && owner.since === me.since) rmSync(path, { force: true });
        },
      };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // A full disk cannot take even the lock file. The engine then opens the database read-only,
      // so a second engine could not write either: go on without the file rather than not start.
      if (code === 'ENOSPC' || code === 'EDQUOT') {
        rmSync(path, { force: true });
        return { path, release() {} };
      }
      if (code !== 'EEXIST') throw error;
    }
    const owner = readOwner(path);
    if (isLive(path, owner)) throw new DataDirLockedError(dataDir, owner);
    rmSync(path, { force: true }); // stale: its process is gone
  }
  // Lost a race for a stale lock to another starting engine.
  const owner = readOwner(path);
  throw new DataDirLockedError(dataDir, owner ?? { pid: 0, host: hostname(), since: now() });
}
