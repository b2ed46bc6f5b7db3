// Opens the conversation store for the engine. On a full disk (start-up needs a few writes: WAL,
// migrations, marking cut replies) it opens the same file read-only and says so, rather than
// failing with SQLite's raw "database or disk is full" or starting without the user's history.
import { dirname } from 'node:path';
import { hasSqliteCode, openDb, type DatabaseKey, type StoreDb } from './driver';
import { createConversationStore, type ConversationStore } from './conversation-store';
import { openDatabase } from './database';
import { encryptIfPlaintext, type EncryptResult, type EncryptStep } from './encrypt-plaintext';
import { freeMb, isDiskFull } from './disk-space';
import { describeStoreProblem } from './store-error';

export interface OpenedStore {
  db: StoreDb;
  store: ConversationStore;
  notices: string[];
  /** Replies marked interrupted at this start (0 when read-only). */
  interrupted: number;
  readOnly: boolean;
}

export function openStore(path: string, key: DatabaseKey, onEncryptStep?: (step: EncryptStep) => void): OpenedStore {
  let db: StoreDb | undefined;
  try {
    const encrypted = encryptIfPlaintext(path, key, onEncryptStep);
    const opened = openDatabase(path, { key });
    db = opened.db;
    const store = createConversationStore(db);
    const interrupted = store.markInterruptedOnStartup();
    const notices = [...(encrypted ? encryptedNotices(encrypted) : []), ...opened.notices];
    return { db, store, notices, interrupted, readOnly: false };
  } catch (error) {
    if (!isDiskFull(error)) throw error;
    try {
      db?.close();
    } catch {
      // Closing a connection that failed to write can fail too; the read-only one replaces it.
    }
    return openReadOnly(path, key);
  }
}

function encryptedNotices({ rows, plainLeftovers }: EncryptResult): string[] {
  const n = (count: number | undefined, one: string) => `${count ?? 0} ${one}${count === 1 ? '' : 's'}`;
  const notices: string[] = [];
  if (rows.messages !== undefined) {
    notices.push(
      `Your conversations are now encrypted on disk (${n(rows.conversations, 'conversation')}, ${n(rows.messages, 'message')}). The unencrypted file was removed; on an SSD its old blocks can linger until the disk reuses them (see Privacy).`,
    );
  }
  if (plainLeftovers.length > 0) {
    notices.push(
      `${plainLeftovers.length === 1 ? 'A damaged copy' : `${plainLeftovers.length} damaged copies`} set aside by an earlier Enclave ${plainLeftovers.length === 1 ? 'is' : 'are'} still unencrypted, because damaged files cannot be verified: ${plainLeftovers.join(', ')}. Delete ${plainLeftovers.length === 1 ? 'it' : 'them'} once you no longer need ${plainLeftovers.length === 1 ? 'it' : 'them'}.`,
    );
  }
  return notices;
}

function openReadOnly(path: string, key: DatabaseKey): OpenedStore {
  const db = openWithoutWriting(path, key);
  const store = createConversationStore(db);
  const notice = describeStoreProblem({ kind: 'read-only', freeMb: freeMb(dirname(path)) });
  return { db, store, notices: [notice], interrupted: 0, readOnly: true };
}

/**
 * Read-only still needs room for the WAL index (-shm). When even that is refused, a connection
 * with an exclusive lock keeps the index in memory (it only creates an empty -wal) and
 * `query_only` refuses every write. (node:sqlite used `immutable=1`; this build takes no URIs.)
 */
function openWithoutWriting(path: string, key: DatabaseKey): StoreDb {
  try {
    const db = openDb(path, { key, readonly: true });
    db.exec('PRAGMA busy_timeout = 5000');
    return db;
  } catch (error) {
    if (!isDiskFull(error) && !hasSqliteCode(error, 'SQLITE_IOERR')) throw error;
    const db = openDb(path, { key, exclusive: true });
    db.exec('PRAGMA query_only = ON');
    return db;
  }
}
