// What every repository of the store shares: the database and the injected clock and id source.
import type { StoreDb } from './driver';

export interface StoreContext {
  db: StoreDb;
  now(): number;
  newId(): string;
}

/** Runs `work` in one transaction; nested calls join the outer one. */
export function inTransaction<T>(db: StoreDb, work: () => T): T {
  if (db.inTransaction) return work();
  db.exec('BEGIN IMMEDIATE');
  try {
    const result = work();
    db.exec('COMMIT');
    return result;
  } catch (error) {
    rollbackQuietly(db);
    throw error;
  }
}

/**
 * Ends a failed transaction without hiding why it failed. SQLite may already have rolled back by
 * itself (SQLITE_FULL, SQLITE_IOERR during COMMIT), and then a ROLLBACK throws "cannot rollback -
 * no transaction is active", which must never replace the real error.
 */
export function rollbackQuietly(db: StoreDb): void {
  if (!db.open || !db.inTransaction) return;
  try {
    db.exec('ROLLBACK');
  } catch {
    // The original error is the one the caller reports.
  }
}
