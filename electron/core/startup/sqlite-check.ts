// node:sqlite must exist (Node ≥ 22.13, Electron ≥ 38) and its SQLite must have FTS5 (search) and
// WAL on the data folder's file system (crash safety). Checked on a scratch database in that
// folder, loaded dynamically so a missing module is a message, not a crash at import time.
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { StartupProblem } from './self-check';

export type SqliteModule = typeof import('node:sqlite');

const loadNodeSqlite = (): Promise<SqliteModule> => import('node:sqlite');

export async function checkSqlite(dataDir: string, load: () => Promise<SqliteModule> = loadNodeSqlite): Promise<StartupProblem | undefined> {
  let sqlite: SqliteModule;
  try {
    sqlite = await load();
  } catch (error) {
    return {
      kind: 'sqlite-missing',
      blocking: true,
      title: 'This runtime has no built-in SQLite',
      detail: `node:sqlite could not be loaded (${error instanceof Error ? error.message : String(error)}); Node ${process.versions.node}.`,
      fix: 'Enclave needs Node.js 22.13 or newer (or its own Electron build). Run bash scripts/setup.sh, which installs Node 24.',
    };
  }
  const scratch = mkdtempSync(join(dataDir, '.sqlite-check-'));
  const missing: string[] = [];
  try {
    const db = new sqlite.DatabaseSync(join(scratch, 'check.sqlite'));
    try {
      const mode = db.prepare('PRAGMA journal_mode = WAL').get() as { journal_mode?: string } | undefined;
      if (mode?.journal_mode !== 'wal') missing.push(`WAL journaling (the file system answered "${mode?.journal_mode ?? 'nothing'}")`);
      try {
        db.exec("CREATE VIRTUAL TABLE t USING fts5(body); INSERT INTO t VALUES ('enclave self check')");
        const hit = db.prepare("SELECT count(*) AS n FROM t WHERE t MATCH 'self'").get() as { n: number };
        if (hit.n !== 1) missing.push('FTS5 full-text search (a test query found nothing)');
      } catch (error) {
        missing.push(`FTS5 full-text search (${error instanceof Error ? error.message : String(error)})`);
      }
    } finally {
      db.close();
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  if (missing.length === 0) return undefined;
  return {
    kind: 'sqlite-feature',
    blocking: true,
    title: 'SQLite here lacks a feature Enclave needs',
    detail: `Missing: ${missing.join('; ')}. Data folder: ${dataDir}.`,
    fix: 'WAL does not work on some network file systems: keep the data folder on a local disk. A Node without FTS5: install Node 24 (bash scripts/setup.sh).',
  };
}
