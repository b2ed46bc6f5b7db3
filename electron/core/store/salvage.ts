// Like sqlite3's `.recover`, for a damaged database with no usable backup: reads every row it
// still can from each of our tables, one row at a time, and writes them into the fresh database,
// so "start empty" keeps whatever the damage spared. Rows behind a broken page are skipped, and a
// message whose conversation was lost goes with it (it could never be shown).
import { openDb, type DatabaseKey, type SqlValue, type StoreDb } from './driver';

/** Parents before children, so the tree can be checked afterwards. */
const TABLES = ['conversations', 'messages', 'ledger'] as const;
/** Gaps tried past a row that could not be read, before giving up on the rest of a table. */
const SKIPS = [1, 2, 4, 16, 64, 256, 1024, 4096, 65_536, 1_048_576];

export interface SalvageResult {
  conversations: number;
  messages: number;
}

export function salvageInto(fresh: StoreDb, damagedPath: string, key: DatabaseKey): SalvageResult {
  let old: StoreDb;
  try {
    old = openDb(damagedPath, { key, readonly: true });
  } catch {
    return { conversations: 0, messages: 0 };
  }
  try {
    fresh.exec('PRAGMA foreign_keys = OFF');
    fresh.exec('BEGIN IMMEDIATE');
    for (const table of TABLES) copyTable(old, fresh, table);
    // A reply whose parent was lost starts its own branch; a conversation's lost leaf is forgotten.
    fresh.exec(`DELETE FROM messages WHERE conversation_id NOT IN (SELECT id FROM conversations)`);
    fresh.exec(`UPDATE messages SET parent_id = NULL WHERE parent_id IS NOT NULL AND parent_id NOT IN (SELECT id FROM messages)`);
    fresh.exec(`UPDATE conversations SET current_leaf_id = NULL WHERE current_leaf_id IS NOT NULL AND current_leaf_id NOT IN (SELECT id FROM messages)`);
    fresh.exec('COMMIT');
  } catch {
    if (fresh.inTransaction) fresh.exec('ROLLBACK');
  } finally {
    fresh.exec('PRAGMA foreign_keys = ON');
    old.close();
  }
  const count = (t: string) => Number((fresh.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n);
  return { conversations: count('conversations'), messages: count('messages') };
}

function copyTable(old: StoreDb, fresh: StoreDb, table: string): void {
  const columns = (fresh.prepare(`PRAGMA table_info(${table})`).all() as Array<{ name: string }>).map((c) => c.name);
  let oldColumns: string[];
  try {
    oldColumns = (old.prepare(`PRAGMA table_info(${table})`).all() as Array<{ name: string }>).map((c) => c.name);
  } catch {
    return;
  }
  const shared = columns.filter((c) => oldColumns.includes(c));
  if (shared.length === 0) return;
  const list = shared.join(', ');
  const insert = fresh.prepare(`INSERT OR IGNORE INTO ${table} (${list}) VALUES (${shared.map(() => '?').join(', ')})`);
  const read = old.prepare(`SELECT rowid AS _rowid, ${list} FROM ${table} WHERE rowid > ? ORDER BY rowid`);
  let after = Number.MIN_SAFE_INTEGER;
  let skip = 0;
  while (skip < SKIPS.length) {
    try {
      for (const row of read.iterate(after) as Iterable<Record<string, unknown>>) {
        after = Number(row._rowid);
        insert.run(...shared.map((c) => row[c] as SqlValue));
      }
      return;
    } catch {
      // A broken page: step over it and read on.
      after += SKIPS[skip++]!;
    }
  }
}
