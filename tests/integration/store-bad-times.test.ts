// Rows written before imports checked their times (a createdAt of 2^60, a ChatGPT
// create_time of 9.1e12 s read as ms) made node:sqlite throw on every read of the list,
// search and export, even after a restart. Reads must survive any such row.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { toEnclaveJson } from '../../shared/export/enclave-json';
import { toHtml } from '../../shared/export/html';
import { createConversationStore } from '../../electron/core/store/conversation-store';
import { closeDatabase, openDatabase } from '../../electron/core/store/database';
import { TEST_DB_KEY } from '../support/db-key';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'enclave-bad-times-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

it('lists, opens, searches and exports conversations whose stored times are not dates, after a restart', () => {
  const path = join(dir, 'db.sqlite');
  {
    const { db } = openDatabase(path, { key: TEST_DB_KEY });
    const store = createConversationStore(db);
    const good = store.createConversation({ title: 'Good one' });
    store.addMessage({ conversationId: good.id, parentId: null, role: 'user', content: 'ordinary kestrel', status: 'complete' });
    // Exactly what an unchecked import used to write.
    db.prepare(
      `INSERT INTO conversations (id, title, created_at, updated_at, pinned, local_only, current_leaf_id, deleted_at, system_prompt)
      VALUES ('bad', 'Bad times', ?, ?, 0, 0, 'bad-m', NULL, NULL)`,
    ).run(2n ** 60n, 9_100_000_000_000_000n);
    db.prepare(
      `INSERT INTO messages (id, conversation_id, parent_id, role, content, reasoning, status, model_json, error_json, usage_json,
      cost_usd, attachments_json, timing_json, created_at, updated_at, connection_id, model_id)
      VALUES ('bad-m', 'bad', NULL, 'user', 'peculiar kestrel', NULL, 'complete', NULL, NULL, NULL, NULL, NULL, NULL, ?, -5, NULL, NULL)`,
    ).run(2n ** 62n);
    store.close();
    closeDatabase(db);
  }
  const { db } = openDatabase(path, { key: TEST_DB_KEY });
  const store = createConversationStore(db);
  try {
    const list = store.listConversations();
    expect(list.map((c) => c.title).sort()).toEqual(['Bad times', 'Good one']);
    const bad = list.find((c) => c.id === 'bad');
    expect(bad?.createdAt).toBe(0);
    expect(store.getConversation('bad')?.messages.map((m) => [m.content, m.createdAt, m.updatedAt])).toEqual([['peculiar kestrel', 0, 0]]);
    expect(
      store
        .search({ query: 'kestrel' })
        .map((h) => h.conversationTitle)
        .sort(),
    ).toEqual(['Bad times', 'Good one']);
    const bundles = store.exportBundles();
    expect(() => toEnclaveJson(bundles)).not.toThrow();
    expect(() => toHtml(bundles, { branches: 'all' })).not.toThrow();
  } finally {
    store.close();
    closeDatabase(db);
  }
});
