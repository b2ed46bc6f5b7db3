// 10. Encryption at rest: the real schema (every migration, FTS5 triggers) on node:sqlite (the
// baseline, what earlier versions stored in), on SQLite3 Multiple Ciphers unencrypted, encrypted
// with the SQLCipher v4 scheme (the alternative), and as the app really opens its store (driver.ts:
// ChaCha20-Poly1305, a random 256-bit key, temp_store in memory), all in WAL mode. The same SQL
// runs on each: bulk inserts through the full-text triggers, full-text searches, and the small
// appends a streaming reply makes.
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { randomBytes } from 'node:crypto';
import { openDb } from '../electron/core/store/driver';
import { MIGRATIONS } from '../electron/core/store/migrations';
import { messageText, rng } from './lib/text-gen';
import { percentile, ratio } from './lib/stats';
import type { Row } from './lib/report';
import type { BenchOptions, Section } from './lib/section';

interface Stmt {
  run(...p: unknown[]): unknown;
  all(...p: unknown[]): unknown[];
}
interface Db {
  exec(sql: string): void;
  prepare(sql: string): Stmt;
  close(): void;
}

const require = createRequire(import.meta.url);
type Mc = new (path: string) => Db & { pragma(s: string): unknown };

const DRIVERS: { id: string; label: string; open(path: string): Db }[] = [
  { id: 'node', label: 'node:sqlite, plain', open: (p) => new DatabaseSync(p) as unknown as Db },
  { id: 'mc', label: 'SQLite3MC, plain', open: (p) => new (require('better-sqlite3-multiple-ciphers') as Mc)(p) },
  {
    id: 'mc-sqlcipher',
    label: 'SQLite3MC, encrypted (SQLCipher 4)',
    open: (p) => {
      const db = new (require('better-sqlite3-multiple-ciphers') as Mc)(p);
      db.pragma("cipher='sqlcipher'");
      db.pragma('legacy=4');
      db.pragma(`hexkey='${'ab'.repeat(32)}'`);
      return db;
    },
  },
  { id: 'app', label: 'Enclave store (driver.ts, ChaCha20)', open: (p) => openDb(p, { key: randomBytes(32) }) as unknown as Db },
];

const SEARCHES = ['latency', 'kubernetes', 'sourdough', 'stream parser', '"stream token"', 'tok*', 'mig* schema', 'buffer socket timeout'];

function measure(db: Db, messages: number): { insertRate: number; searchP95: number; appendUs: number } {
  db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;');
  for (const m of MIGRATIONS) db.exec(m.sql);
  const r = rng(7);
  db.prepare(`INSERT INTO conversations (id, title, created_at, updated_at) VALUES ('c', 'bench', 0, 0)`).run();
  const insert = db.prepare(`INSERT INTO messages (id, conversation_id, parent_id, role, content, status, created_at, updated_at) VALUES (?, 'c', ?, ?, ?, 'complete', ?, ?)`);
  const texts = Array.from({ length: 500 }, (_, i) => messageText(r, i % 2 ? 'assistant' : 'user'));
  const t0 = performance.now();
  const batch = 1000;
  for (let start = 0; start < messages; start += batch) {
    db.exec('BEGIN');
    for (let i = start; i < Math.min(messages, start + batch); i++) insert.run(`m${i}`, i ? `m${i - 1}` : null, i % 2 ? 'assistant' : 'user', texts[i % texts.length]!, i, i);
    db.exec('COMMIT');
  }
  const insertRate = messages / ((performance.now() - t0) / 1000);

  const search = db.prepare(
    `SELECT m.id, snippet(messages_fts, 0, '[', ']', '…', 12) AS s FROM messages_fts JOIN messages m ON m.seq = messages_fts.rowid
     WHERE messages_fts MATCH ? ORDER BY rank LIMIT 50`,
  );
  const times: number[] = [];
  for (let round = 0; round < 5; round++) {
    for (const q of SEARCHES) {
      const s = performance.now();
      search.all(q);
      times.push(performance.now() - s);
    }
  }

  // A streaming reply: 200 small appends, each its own transaction (the store flushes ~5 a second).
  db.prepare(
    `INSERT INTO messages (id, conversation_id, parent_id, role, content, status, created_at, updated_at) VALUES ('live', 'c', NULL, 'assistant', '', 'streaming', 0, 0)`,
  ).run();
  const append = db.prepare(`UPDATE messages SET content = content || ?, updated_at = ? WHERE id = 'live'`);
  const a0 = performance.now();
  for (let i = 0; i < 200; i++) {
    db.exec('BEGIN IMMEDIATE');
    append.run(' some streamed words', i);
    db.exec('COMMIT');
  }
  const appendUs = ((performance.now() - a0) / 200) * 1000;
  return { insertRate, searchP95: percentile(times, 95), appendUs };
}

export const encryption: Section = {
  id: '10',
  title: 'encryption at rest: node:sqlite vs the encrypted store as the app opens it',
  async run({ quick, log }: BenchOptions): Promise<Row[]> {
    const messages = quick ? 20_000 : 200_000;
    const dir = mkdtempSync(join(tmpdir(), 'enclave-bench-enc-'));
    const results = new Map<string, ReturnType<typeof measure>>();
    try {
      for (const d of DRIVERS) {
        log(`  ${d.label}: ${messages.toLocaleString('en-US')} messages`);
        const db = d.open(join(dir, `${d.id}.db`));
        try {
          results.set(d.id, measure(db, messages));
        } finally {
          db.close();
        }
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const base = results.get('node')!;
    const rows: Row[] = [];
    for (const d of DRIVERS) {
      const m = results.get(d.id)!;
      const b = d.id === 'node' ? {} : undefined;
      rows.push(
        {
          section: '10',
          metric: `bulk insert (FTS triggers), ${d.label}`,
          unit: 'msg/s',
          value: m.insertRate,
          ...(b ?? { baseline: base.insertRate, ratio: ratio(m.insertRate, base.insertRate) }),
        },
        {
          section: '10',
          metric: `search p95 over ${messages / 1000}k, ${d.label}`,
          unit: 'ms',
          value: m.searchP95,
          ...(b ?? { baseline: base.searchP95, ratio: ratio(m.searchP95, base.searchP95) }),
        },
        {
          section: '10',
          metric: `streamed append + commit, ${d.label}`,
          unit: 'µs',
          value: m.appendUs,
          ...(b ?? { baseline: base.appendUs, ratio: ratio(m.appendUs, base.appendUs) }),
        },
      );
    }
    return rows;
  },
};
