// The bench's generated history goes straight into the real schema; a column added by a later
// migration once broke it (and with it the search figures). This keeps the two in step.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { closeDatabase, openDatabase } from '../../electron/core/store/database';
import { createConversationStore } from '../../electron/core/store/conversation-store';
import { seedMessages } from '../../bench/lib/seed';
import { TEST_DB_KEY } from '../support/db-key';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

test('the bench seed writes conversations the store reads and searches, with and without the insert trigger', () => {
  const dir = mkdtempSync(join(tmpdir(), 'enclave-seed-'));
  dirs.push(dir);
  const { db } = openDatabase(join(dir, 'enclave.sqlite'), { key: TEST_DB_KEY });
  const seeded = seedMessages(db, { messages: 400, perConversation: 20, endAt: Date.UTC(2026, 0, 1), spanDays: 30, triggerRows: 100 });
  expect(seeded.conversationIds).toHaveLength(20);
  const store = createConversationStore(db);
  const loaded = store.getConversation(seeded.conversationIds[7]!);
  expect(loaded?.messages).toHaveLength(20);
  expect(loaded?.messages.filter((m) => m.role === 'assistant').every((m) => m.model?.connectionId === 'conn-bench')).toBe(true);
  // Rows before and after the trigger was dropped are both in the full-text index.
  const word = loaded!.messages[0]!.content.split(/\W+/).find((w) => w.length > 5)!;
  expect(store.search({ query: word }).length).toBeGreaterThan(0);
  const last = store.getConversation(seeded.conversationIds[19]!)!.messages[0]!;
  const lastWord = last.content.split(/\W+/).find((w) => w.length > 5)!;
  expect(store.search({ query: lastWord }).some((h) => h.conversationId === seeded.conversationIds[19])).toBe(true);
  store.close();
  closeDatabase(db);
});
