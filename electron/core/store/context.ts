// What every repository of the store shares: the database and the injected clock and id source.
import type { DatabaseSync } from 'node:sqlite';

export interface StoreContext {
  db: DatabaseSync;
  now(): number;
  newId(): string;
}

/** Runs `work` in one transaction; nested calls join the outer one. */
export function inTransaction<T>(db: DatabaseSync, work: () => T): T {
  if (db.isTransaction) return work();
  db.exec('BEGIN IMMEDIATE');
  try {
    const result = work();
    db.exec('COMMIT');
    return result;
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
  }
}
