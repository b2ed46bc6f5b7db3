// Free space and "the disk is full": measured with statfs, never guessed, so every refusal can
// say how much room there is. SQLite reports a full disk as SQLITE_FULL (13); file writes as ENOSPC.
import { statfsSync } from 'node:fs';
import { hasSqliteCode, sqliteCode } from './driver';

/** Room kept free beyond what a long write needs: SQLite's WAL and the OS need some too. */
export const SPARE_BYTES = 8 * 1024 * 1024;

export function freeBytes(dir: string): number {
  const s = statfsSync(dir);
  return Number(s.bavail) * Number(s.bsize);
}

export function freeMb(dir: string): number {
  try {
    return Math.floor((freeBytes(dir) / (1024 * 1024)) * 10) / 10;
  } catch {
    return 0;
  }
}

export function isDiskFull(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  if ('code' in error && error.code === 'ENOSPC') return true;
  // The -shm index could not be grown: on a full disk SQLite reports SQLITE_IOERR_SHMSIZE instead.
  if (hasSqliteCode(error, 'SQLITE_FULL') || sqliteCode(error) === 'SQLITE_IOERR_SHMSIZE') return true;
  return error instanceof Error && /database or disk is full|ENOSPC|no space left on device/i.test(error.message);
}

/** Whether `bytes` (plus a spare margin) fit on the disk holding `dir`, and how much is free. */
export function roomFor(dir: string, bytes: number): { fits: boolean; freeMb: number } {
  const free = freeBytes(dir);
  return { fits: free >= bytes + SPARE_BYTES, freeMb: Math.floor((free / (1024 * 1024)) * 10) / 10 };
}
