// Conversations that never lose a word: edits become branches, search finds any branch and lands
// on it, exports read back, imports add conversations (or nothing at all when the file is bad).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, beforeEach, expect, onTestFailed, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startFake, type FakeServer } from '../fakes/index';
import { launchBrowser, screenshot, startHarness, type Harness } from './harness';

const FIRST_ANSWER = ['Lisbon', ' has', ' trams', ' and', ' hills', '.'];
// Paced like a real local model; an instant stream can finish before sendMessage returns, which
// the streams store does not handle yet (reported to the lead).
const BRANCH_ANSWER = ['Porto', ' has', ' a', ' zeppelin', ' museum', '.'];

let ollama: FakeServer;
let harness: Harness;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  ollama = await startFake('ollama', { tokens: FIRST_ANSWER, tokenDelayMs: 30, models: ['llama3.2:3b'] });
  harness = await startHarness();
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(harness.url);
  await page.waitForFunction(() => 'enclave' in window);
  const added = await page.evaluate((baseUrl) => window.enclave.addConnection({ kind: 'ollama', name: 'Local Ollama', baseUrl }), ollama.origin);
  expect(added.ok).toBe(true);
  await page.reload();
});

afterAll(async () => {
  await browser?.close();
  await harness?.stop();
  await ollama?.close();
});

beforeEach(() => {
  onTestFailed(async () => {
    await screenshot(page, 'history-failure');
  });
});

const sidebar = () => page.getByRole('complementary', { name: 'Conversations' });
const rows = (title: string) => sidebar().getByRole('navigation', { name: 'Conversation list' }).locator('[data-conv-id]').filter({ hasText: title });

async function sendAndWait(text: string) {
  await page.getByLabel('Message', { exact: true }).fill(text);
  await page.getByLabel('Message', { exact: true }).press('Enter');
  await page.locator('article.message.user').filter({ hasText: text }).waitFor();
  await expect.poll(() => page.locator('article.message.assistant').last().getAttribute('data-status'), { timeout: 10_000 }).toBe('complete');
}

async function exportAs(format: 'JSON' | 'Markdown' | 'HTML'): Promise<string> {
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export conversation' });
  await dialog.getByLabel(new RegExp(`^${format}`)).check();
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  const saved = dialog.locator('.saved-path');
  await saved.waitFor();
  const path = (await saved.innerText()).trim();
  if (format === 'HTML') await screenshot(page, 'export-dialog');
  await dialog.getByRole('button', { name: 'Close', exact: true }).click();
  await dialog.waitFor({ state: 'detached' });
  expect(resolve(path).startsWith(join(harness.dataDir, 'exports'))).toBe(true);
  return readFileSync(path, 'utf8');
}

async function importFile(path: string) {
  await sidebar().getByRole('button', { name: 'Import…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import conversations' });
  await dialog.getByLabel('Choose a file to import').setInputFiles(path);
  return dialog;
}

test('editing a message makes a branch; search lands on that branch; exports and imports round-trip', async () => {
  await page.getByRole('button', { name: /Model: llama3\.2:3b/ }).waitFor();
  await sidebar().getByText('No conversations yet.', { exact: false }).waitFor();
  await screenshot(page, 'sidebar-empty');
  await sendAndWait('Plan a trip to Lisbon');
  await sendAndWait('What should I eat there?');

  // Edit the first user message: the answer to the edit says something only that branch says.
  ollama.setBehaviour({ tokens: BRANCH_ANSWER, tokenDelayMs: 30, models: ['llama3.2:3b'] });
  const first = page.locator('article.message.user').first();
  await first.hover();
  await first.getByRole('button', { name: 'Edit message' }).click();
  const editor = first.getByLabel('Edited message');
  await expect.poll(() => editor.evaluate((el) => el === document.activeElement)).toBe(true);
  await editor.fill('Plan a trip to Porto instead');
  await editor.press('Escape');
  await expect.poll(() => first.getByLabel('Edited message').count()).toBe(0);
  await expect.poll(() => first.locator('.user-text').innerText()).toBe('Plan a trip to Lisbon');

  await first.getByRole('button', { name: 'Edit message' }).click();
  await first.getByLabel('Edited message').fill('Plan a trip to Porto instead');
  await first.getByRole('button', { name: 'Save and send' }).click();
  await page.locator('article.message.assistant').getByText('zeppelin').waitFor();
  await expect.poll(() => page.locator('article.message.assistant').last().getAttribute('data-status'), { timeout: 10_000 }).toBe('complete');
  const edited = page.locator('article.message.user').first();
  await expect.poll(() => edited.locator('.branch-nav').innerText()).toContain('2/2');
  await expect.poll(() => page.locator('article.message.user').count()).toBe(1);

  // Switch back to the original branch: its second question is there again.
  await edited.getByRole('button', { name: 'Previous version' }).click();
  await page.locator('article.message.user').filter({ hasText: 'What should I eat there?' }).waitFor();
  await expect.poll(() => page.locator('article.message.user').first().locator('.branch-nav').innerText()).toContain('1/2');
  await screenshot(page, 'branched-message');
  await expect.poll(() => page.getByText('zeppelin').count()).toBe(0);

  // Search for the word only the other branch's answer holds, open the hit: we land on that branch.
  await page.keyboard.press('Control+Shift+F');
  const search = page.getByRole('searchbox', { name: 'Search messages' });
  await expect.poll(() => search.evaluate((el) => el === document.activeElement)).toBe(true);
  await search.fill('zeppelin');
  const hits = sidebar().getByRole('list', { name: 'Search results' });
  const hit = hits.getByRole('button').first();
  await hit.waitFor();
  expect(await hits.getByRole('button').count()).toBe(1);
  expect(await hit.locator('mark').innerText()).toBe('zeppelin');
  expect(await hit.innerText()).toContain('Plan a trip to Lisbon');
  expect(await hit.innerText()).toContain('llama3.2:3b');
  await screenshot(page, 'search-results');
  // The filters, custom dates included, stay inside the sidebar.
  await sidebar().getByLabel('Filter by date').selectOption('custom');
  const edge = (await sidebar().boundingBox())!;
  for (const field of [sidebar().getByLabel('Filter by model'), sidebar().getByLabel('Filter by date'), sidebar().getByLabel('From date'), sidebar().getByLabel('To date')]) {
    const box = (await field.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(edge.x + edge.width);
  }
  await screenshot(page, 'search-filters-custom');
  await sidebar().getByLabel('Filter by date').selectOption('any');

  await search.fill('xylophone');
  await sidebar().getByText('No messages match “xylophone”.').waitFor();
  await screenshot(page, 'search-no-results');
  await search.fill('zeppelin');
  await hit.waitFor();
  await hit.press('Enter');
  const found = page.locator('.message-row[data-found="true"]');
  await found.getByText('zeppelin').waitFor();
  await screenshot(page, 'search-landed');
  await expect.poll(() => page.locator('article.message.user').first().locator('.branch-nav').innerText()).toContain('2/2');
  await expect.poll(() => page.locator('article.message.user').count()).toBe(1);
  await search.fill('');
  await rows('Plan a trip to Lisbon').waitFor();

  // Exports: JSON keeps every branch; Markdown and HTML the path on screen; HTML runs nothing.
  const json = await exportAs('JSON');
  expect(json).toContain('zeppelin');
  expect(json).toContain('What should I eat there?');
  const markdown = await exportAs('Markdown');
  expect(markdown).toContain('Plan a trip to Porto instead');
  expect(markdown).toContain('Porto has a zeppelin museum.');
  const html = await exportAs('HTML');
  expect(html.toLowerCase()).not.toContain('<script');
  expect(html).toContain('Porto has a zeppelin museum.');

  // Import the JSON export back: a second copy of the conversation appears.
  const exportPath = join(mkdtempSync(join(tmpdir(), 'enclave-import-')), 'round-trip.json');
  writeFileSync(exportPath, json);
  const roundTrip = await importFile(exportPath);
  await roundTrip.getByText('Imported 1 conversation and 6 messages from Enclave.').waitFor();
  await roundTrip.getByRole('button', { name: 'Done' }).click();
  await expect.poll(() => rows('Plan a trip to Lisbon').count()).toBe(2);

  // A corrupt file: a clear error, and nothing added.
  const corrupt = join(mkdtempSync(join(tmpdir(), 'enclave-import-')), 'broken.json');
  writeFileSync(corrupt, '{"conversations": [ {"title": "half a file"');
  const broken = await importFile(corrupt);
  const alert = broken.getByRole('alert');
  await alert.waitFor();
  expect(await alert.innerText()).toMatch(/^Nothing was imported: /);
  await screenshot(page, 'import-error');
  await broken.press('Escape');
  await broken.waitFor({ state: 'detached' });
  expect(await sidebar().locator('[data-conv-id]').count()).toBe(2);

  // A ChatGPT export: its conversations join the list, titles shown as text.
  const chatgpt = await importFile(resolve('tests/fixtures/import/chatgpt-conversations.json'));
  await chatgpt.getByText(/Imported 2 conversations and \d+ messages from ChatGPT\./).waitFor();
  await chatgpt.getByRole('button', { name: 'Done' }).click();
  await rows('Packing for Iceland').waitFor();
  await rows('Sorting <b>lists</b>').waitFor();
});

test('the sidebar works from the keyboard: arrows move, F2 renames, Delete deletes with undo, pins group on top', async () => {
  await rows('Packing for Iceland').hover();
  await sidebar().getByRole('button', { name: 'Pin Packing for Iceland' }).click();
  await sidebar().getByRole('heading', { name: 'Pinned' }).waitFor();
  const groups = await sidebar().locator('.group-label').allInnerTexts();
  expect(groups.map((g) => g.toLowerCase())).toEqual(['pinned', 'today', 'older']);
  await screenshot(page, 'sidebar');
  await page.emulateMedia({ colorScheme: 'dark' });
  await screenshot(page, 'sidebar-dark');
  await page.emulateMedia({ colorScheme: 'light' });

  await rows('Packing for Iceland').focus();
  await page.keyboard.press('ArrowDown');
  const focused = () => page.evaluate(() => document.activeElement?.textContent ?? '');
  await expect.poll(focused).toContain('Plan a trip to Lisbon');

  await page.keyboard.press('F2');
  const title = sidebar().getByLabel('Conversation title');
  await title.fill('Portugal plans');
  await title.press('Enter');
  await rows('Portugal plans').waitFor();
  await expect.poll(focused).toContain('Portugal plans');

  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: 'Portugal plans' }).waitFor();

  await page.keyboard.press('Delete');
  await expect.poll(() => rows('Portugal plans').count()).toBe(0);
  await page.getByRole('status').getByRole('button', { name: 'Undo' }).click();
  await rows('Portugal plans').waitFor();
});
