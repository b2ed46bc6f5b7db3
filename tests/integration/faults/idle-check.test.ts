// Damage while the app runs: a page of the database file is overwritten behind SQLite's back (as a
// failing disk would), and the idle check, run by the real read worker, turns it into a notice.
import { copyFileSync, mkdtempSync, openSync, closeSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { createConversationStore } from '../../../electron/core/store/conversation-store';
import { closeDatabase, openDatabase } from '../../../electron/core/store/database';
import { createReadWorker } from '../../../electron/core/store/read-worker';
import { startIdleCheck } from '../../../electron/core/store/idle-check';
import { TEST_DB_KEY } from '../../support/db-key';

const PAGE = 4096;
let dir: string;
let reader: ReturnType<typeof createReadWorker> | undefined;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'enclave-faults-idle-'));
});
afterEach(async () => {
  await reader?.close();
  reader = undefined;
  rmSync(dir, { recursive: true, force: true });
});

/** A cleanly closed database of a few hundred pages, copied so the original stays sound. */
function copyOfHistory(): string {
  const path = join(dir, 'enclave.sqlite');
  const { db } = openDatabase(path, { key: TEST_DB_KEY });
  const store = createConversationStore(db);
  for (let c = 0; c < 20; c++) {
    const conv = store.createConversation({ title: `Conversation ${c}` });
    let parentId: string | null = null;
    for (let m = 0; m < 10; m++) {
      const msg = store.addMessage({ conversationId: conv.id, parentId, role: m % 2 ? 'assistant' : 'user', content: `Message ${m} of ${c}. `.repeat(60), status: 'complete' });
      parentId = msg.id;
    }
  }
  closeDatabase(db);
  const copy = join(dir, 'copy.sqlite');
  copyFileSync(path, copy);
  return copy;
}

function overwritePage(file: string, page: number) {
  const fd = openSync(file, 'r+');
  writeSync(fd, Buffer.alloc(PAGE, 0x55), 0, PAGE, (page - 1) * PAGE);
  closeSync(fd);
}

function idleCheckOn(path: string, lastWriteAt: () => number) {
  reader = createReadWorker({ key: TEST_DB_KEY, path, log: () => {} });
  const notices: string[] = [];
  const check = startIdleCheck({ check: reader.quickCheck, lastWriteAt, onProblem: (n) => notices.push(n), log: () => {}, everyMs: 60_000, idleMs: 1_000 });
  return { check, notices };
}

test('a page damaged while the app is idle becomes one notice that says what to do', async () => {
  const copy = copyOfHistory();
  const pages = statSync(copy).size / PAGE;
  expect(pages).toBeGreaterThan(50);
  overwritePage(copy, Math.floor(pages / 2));

  const { check, notices } = idleCheckOn(copy, () => Date.now() - 10_000);
  await check.tick();
  await check.tick();
  check.stop();
  expect(notices).toHaveLength(1);
  expect(notices[0]).toMatch(/^The conversation database failed a routine check while Enclave was idle \(.+\)\. Export your conversations now/);
});

test('a sound file gives no notice, and nothing is checked while replies are being written', async () => {
  const copy = copyOfHistory();
  const sound = idleCheckOn(copy, () => Date.now() - 10_000);
  await sound.check.tick();
  sound.check.stop();
  expect(sound.notices).toEqual([]);
  await reader?.close();

  overwritePage(copy, Math.floor(statSync(copy).size / PAGE / 2));
  const busy = idleCheckOn(copy, () => Date.now());
  await busy.check.tick();
  busy.check.stop();
  expect(busy.notices).toEqual([]);
});
