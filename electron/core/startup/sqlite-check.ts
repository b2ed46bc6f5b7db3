// The store's SQLite (SQLite3 Multiple Ciphers, a native addon) must load, and on the data folder's
// file system it must encrypt, run WAL (crash safety) and FTS5 (search). Checked on a scratch
// database in that folder with a throwaway key; loaded dynamically so a missing or broken addon is
// a message, not a crash at import time.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { StartupProblem } from './self-check';

export type SqliteModule = Pick<typeof import('../store/driver'), 'openDb'>;

const loadDriver = (): Promise<SqliteModule> => import('../store/driver');
const PHRASE = 'enclave self check';

export async function checkSqlite(dataDir: string, load: () => Promise<SqliteModule> = loadDriver): Promise<StartupProblem | undefined> {
  let sqlite: SqliteModule;
  try {
    sqlite = await load();
  } catch (error) {
    return {
      kind: 'sqlite-missing',
      blocking: true,
      title: 'Enclave’s encrypted SQLite could not be loaded',
      detail: `SQLite3 Multiple Ciphers (better-sqlite3-multiple-ciphers) failed to load (${error instanceof Error ? error.message : String(error)}); Node ${process.versions.node}, ${process.platform}-${process.arch}.`,
      fix: 'Reinstall Enclave. From source: run bash scripts/setup.sh, which installs Node 24 and the prebuilt SQLite addon for this system.',
    };
  }
  const scratch = mkdtempSync(join(dataDir, '.sqlite-check-'));
  const missing: string[] = [];
  try {
    const file = join(scratch, 'check.sqlite');
    const key = randomBytes(32);
    const db = sqlite.openDb(file, { key });
    try {
      const mode = db.prepare('PRAGMA journal_mode = WAL').get() as { journal_mode?: string } | undefined;
      if (mode?.journal_mode !== 'wal') missing.push(`WAL journaling (the file system answered "${mode?.journal_mode ?? 'nothing'}")`);
      try {
        db.exec(`CREATE VIRTUAL TABLE t USING fts5(body); INSERT INTO t VALUES ('${PHRASE}')`);
        const hit = db.prepare("SELECT count(*) AS n FROM t WHERE t MATCH 'self'").get() as { n: number };
        if (hit.n !== 1) missing.push('FTS5 full-text search (a test query found nothing)');
      } catch (error) {
        missing.push(`FTS5 full-text search (${error instanceof Error ? error.message : String(error)})`);
      }
    } finally {
      db.close();
    }
    if (readFileSync(file).includes(PHRASE)) missing.push('encryption (the test phrase is readable in the file)');
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  if (missing.length === 0) return undefined;
  return {
    kind: 'sqlite-feature',
    blocking: true,
    title: 'SQLite here lacks a feature Enclave needs',
    detail: `Missing: ${missing.join('; ')}. Data folder: ${dataDir}.`,
    fix: 'WAL does not work on some network file systems: keep the data folder on a local disk.',
  };
}
