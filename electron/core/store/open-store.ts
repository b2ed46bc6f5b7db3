// Opens the conversation store for the engine. On a full disk (start-up needs a few writes: WAL,
// migrations, marking cut replies) it opens the same file read-only and says so, rather than
// failing with SQLite's raw "database or disk is full" or starting without the user's history.
import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DatabaseSync } from 'node:sqlite';
import { createConversationStore, type ConversationStore } from './conversation-store';
import { openDatabase } from './database';
import { freeMb, isDiskFull } from './disk-space';
import { describeStoreProblem } from './store-error';

export interface OpenedStore {
  db: DatabaseSync;
  store: ConversationStore;
  notices: string[];
  /** Replies marked interrupted at this start (0 when read-only). */
  interrupted: number;
  readOnly: boolean;
}

export function openStore(path: string): OpenedStore {
  let db: DatabaseSync | undefined;
  try {
    const opened = openDatabase(path);
    db = opened.db;
    const store = createConversationStore(db);
    const interrupted = store.markInterruptedOnStartup();
    return { db, store, notices: opened.notices, interrupted, readOnly: false };
  } catch (error) {
    if (!isDiskFull(error)) throw error;
    try {
      db?.close();
    } catch {
      // Closing a connection that failed to write can fail too; the read-only one replaces it.
    }
    return openReadOnly(path);
  }
}

function openReadOnly(path: string): OpenedStore {
  const db = openWithoutWriting(path);
  const store = createConversationStore(db);
  const notice = describeStoreProblem({ kind: 'read-only', freeMb: freeMb(dirname(path)) });
  return { db, store, notices: [notice], interrupted: 0, readOnly: true };
}

/**
 * Read-only still needs room for the WAL index (-shm). When even that is refused, `immutable=1`
 * reads the main file alone: what a clean close left, which is everything after a normal exit.
 */
function openWithoutWriting(path: string): DatabaseSync {
  try {
    const db = new DatabaseSync(path, { readOnly: true });
    db.exec('PRAGMA busy_timeout = 5000');
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
    return db;
  } catch (error) {
    if (!isDiskFull(error)) throw error;
    return new DatabaseSync(`${pathToFileURL(path).href}?immutable=1`, { readOnly: true });
  }
}
