// A long conversation opens at its newest messages at once, and the older ones follow without
// moving the view: the first answer is a window of the current branch, the second the whole.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, expect, onTestFailed, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { closeDatabase, openDatabase } from '../../electron/core/store/database';
import { createConversationStore } from '../../electron/core/store/conversation-store';
import { launchBrowser, screenshot, startHarness, type Harness } from './harness';
import { harnessDatabaseKey } from '../support/harness-key';

const COUNT = 400;
let harness: Harness;
let browser: Browser;
let page: Page;
const loads: unknown[] = [];

/** A conversation of COUNT messages written with the real store, plus a short one. */
async function seed(dataDir: string): Promise<void> {
  const key = await harnessDatabaseKey(dataDir, 'Enclave-test');
  const { db } = openDatabase(join(dataDir, 'enclave.sqlite'), { key });
  const store = createConversationStore(db);
  const start = Date.UTC(2025, 5, 1);
  store.addMessage({
    conversationId: store.createConversation({ title: 'Short chat' }).id,
    parentId: null,
    role: 'user',
    content: 'just one',
    status: 'complete',
    createdAt: start,
  });
  const long = store.createConversation({ title: 'Very long chat' });
  let parentId: string | null = null;
  db.exec('BEGIN IMMEDIATE');
  for (let i = 0; i < COUNT; i += 1) {
    const role = i % 2 === 0 ? 'user' : 'assistant';
    parentId = store.addMessage({
      conversationId: long.id,
      parentId,
      role,
      content: `Message number ${i} of the long chat.`,
      status: 'complete',
      createdAt: start + 1000 + i * 1000,
      ...(role === 'assistant' ? { model: { connectionId: 'c1', modelId: 'bench-model' } } : {}),
    }).id;
  }
  db.exec('COMMIT');
  store.close();
  closeDatabase(db);
}

beforeAll(async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'enclave-e2e-long-'));
  await seed(dataDir);
  harness = await startHarness({ dataDir });
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.on('request', (req) => {
    if (req.url().endsWith('/__harness/call/getConversation')) loads.push(req.postDataJSON());
  });
  await page.goto(harness.url);
  await page.waitForFunction(() => 'enclave' in window);
  // Nothing listens on port 9: the connection only takes the chat pane past onboarding.
  await page.evaluate(() => window.enclave.addConnection({ kind: 'openai-compatible', name: 'Idle', baseUrl: 'http://127.0.0.1:9/v1' }));
  await page.reload();
});

afterAll(async () => {
  await browser?.close();
  await harness?.stop();
});

beforeEach(() => {
  onTestFailed(async () => {
    await screenshot(page, 'long-conversation-failure');
  });
});

test('opens at the newest message from a window, then has every older message a scroll away', async () => {
  await page.getByText('Very long chat').first().click();
  const newest = page.locator('article.message').filter({ hasText: `Message number ${COUNT - 1} of` });
  await newest.waitFor();
  const conversationLoads = loads.filter((l) => (l as { id?: string }).id);
  expect(conversationLoads[0]).toMatchObject({ limit: 60 });
  await expect.poll(() => loads.some((l) => !('limit' in (l as object)))).toBe(true);
  // The whole conversation arrived and the view stayed at the end (the request above is sent before
  // its answer is painted, so this waits for the paint rather than reading one arbitrary frame).
  await expect.poll(() => newest.isVisible(), { timeout: 10_000 }).toBe(true);
  await screenshot(page, 'long-conversation-open');
  await page.locator('[data-testid="messages"]').evaluate((el) => (el.scrollTop = 0));
  await expect
    .poll(
      async () => {
        await page.locator('[data-testid="messages"]').evaluate((el) => (el.scrollTop = 0));
        return page.locator('article.message').filter({ hasText: 'Message number 0 of' }).count();
      },
      { timeout: 10_000 },
    )
    .toBe(1);
});
