// Versioned schema migrations, keyed by PRAGMA user_version. Each entry is frozen SQL: once a
// version has shipped its text never changes (tests build a database at every earlier version
// from this very list and upgrade it), so a schema change is always a new entry at the end.
import type { StoreDb } from './driver';
import { inTransaction } from './context';
import { StoreError } from './store-error';

export interface Migration {
  version: number;
  description: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = Object.freeze([
  {
    version: 1,
    description: 'conversations, message tree, egress ledger, full-text index',
    sql: `
      CREATE TABLE conversations (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL DEFAULT '',
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        pinned INTEGER NOT NULL DEFAULT 0,
        local_only INTEGER NOT NULL DEFAULT 0,
        current_leaf_id TEXT,
        deleted_at INTEGER
      );
      CREATE INDEX conversations_list ON conversations(pinned DESC, updated_at DESC) WHERE deleted_at IS NULL;
      CREATE INDEX conversations_deleted ON conversations(deleted_at) WHERE deleted_at IS NOT NULL;

      -- seq is the integer rowid the full-text index points at; id is the app's id.
      CREATE TABLE messages (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        conversation_id TEXT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
        parent_id TEXT REFERENCES messages(id) ON DELETE CASCADE,
        role TEXT NOT NULL,
        content TEXT NOT NULL DEFAULT '',
        reasoning TEXT,
        status TEXT NOT NULL,
        model_json TEXT,
        connection_id TEXT,
        model_id TEXT,
        error_json TEXT,
        usage_json TEXT,
        cost_usd REAL,
        attachments_json TEXT,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );
      CREATE INDEX messages_conversation ON messages(conversation_id, created_at);
      CREATE INDEX messages_parent ON messages(parent_id);
      CREATE INDEX messages_streaming ON messages(status) WHERE status = 'streaming';

      CREATE VIRTUAL TABLE messages_fts USING fts5(
        content,
        content = 'messages',
        content_rowid = 'seq',
        -- prefix indexes keep "ab*" fast on a million messages (4 s → ms for short prefixes)
        prefix = '2 3',
        tokenize = 'unicode61 remove_diacritics 2'
      );
      CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages BEGIN
        INSERT INTO messages_fts(rowid, content) VALUES (new.seq, new.content);
      END;
      CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages BEGIN
        INSERT INTO messages_fts(messages_fts, rowid, content) VALUES ('delete', old.seq, old.content);
      END;
      CREATE TRIGGER messages_fts_update AFTER UPDATE OF content ON messages BEGIN
        INSERT INTO messages_fts(messages_fts, rowid, content) VALUES ('delete', old.seq, old.content);
        INSERT INTO messages_fts(rowid, content) VALUES (new.seq, new.content);
      END;

      CREATE TABLE ledger (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at INTEGER NOT NULL,
        connection_id TEXT,
        host TEXT NOT NULL,
        model TEXT,
        method TEXT NOT NULL,
        path TEXT NOT NULL,
        bytes_up INTEGER NOT NULL,
        bytes_down INTEGER NOT NULL,
        duration_ms INTEGER NOT NULL,
        status INTEGER NOT NULL,
        outcome TEXT NOT NULL
      );
      CREATE INDEX ledger_at ON ledger(at);
      CREATE INDEX ledger_host_at ON ledger(host, at);
    `,
  },
  {
    version: 2,
    description: 'per-conversation system prompt, per-message timing',
    sql: `
      ALTER TABLE conversations ADD COLUMN system_prompt TEXT;
      ALTER TABLE messages ADD COLUMN timing_json TEXT;
    `,
  },
  {
    version: 3,
    description: 'fallback chains per conversation; per-turn figures on ledger rows for provider health',
    sql: `
      CREATE TABLE fallback_chains (
        conversation_id TEXT PRIMARY KEY REFERENCES conversations(id) ON DELETE CASCADE,
        chain_json TEXT NOT NULL
      );
      ALTER TABLE ledger ADD COLUMN turn_id TEXT;
      ALTER TABLE ledger ADD COLUMN ttft_ms INTEGER;
      ALTER TABLE ledger ADD COLUMN output_tokens INTEGER;
      ALTER TABLE ledger ADD COLUMN generation_ms INTEGER;
      CREATE INDEX ledger_turn ON ledger(turn_id) WHERE turn_id IS NOT NULL;
      CREATE INDEX ledger_model_at ON ledger(connection_id, model, at) WHERE model IS NOT NULL;
    `,
  },
  {
    version: 4,
    description: 'per-message finish reason (token limit, content filter, refusal, tool calls)',
    sql: `ALTER TABLE messages ADD COLUMN finish_json TEXT;`,
  },
  {
    version: 5,
    description: 'per-conversation temperature (NULL = the provider default)',
    sql: `ALTER TABLE conversations ADD COLUMN temperature REAL;`,
  },
  {
    version: 6,
    description: 'index on message time: a date filter in search starts its walk at the right place',
    sql: `CREATE INDEX messages_created ON messages(created_at);`,
  },
  {
    version: 7,
    description: "filter columns by rowid: a filtered search tests a match's model, connection and time without reading its row",
    sql: `CREATE INDEX messages_filter ON messages(seq, connection_id, model_id, created_at);`,
  },
]);

export const SCHEMA_VERSION = MIGRATIONS.at(-1)?.version ?? 0;

export function schemaVersion(db: StoreDb): number {
  const row = db.prepare('PRAGMA user_version').get() as { user_version: number } | undefined;
  return row?.user_version ?? 0;
}

/**
 * Brings the schema up to `target` (default: latest), one version per transaction, so a
 * failure leaves the database at the last good version rather than half-way through one.
 */
export function migrate(db: StoreDb, target = SCHEMA_VERSION): number {
  const current = schemaVersion(db);
  if (current > SCHEMA_VERSION) {
    throw new StoreError({ kind: 'newer-schema', found: current, supported: SCHEMA_VERSION });
  }
  for (const migration of MIGRATIONS) {
    if (migration.version <= current || migration.version > target) continue;
    inTransaction(db, () => {
      db.exec(migration.sql);
      db.exec(`PRAGMA user_version = ${migration.version}`);
    });
  }
  return schemaVersion(db);
}
