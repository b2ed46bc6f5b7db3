// Importing a real-shaped export through the dialog: the report says what arrived and what
// was skipped and why, and tool steps stay collapsed. (Cancel is proven against the engine in
// tests/integration/import-job.test.ts.)
import { resolve } from 'node:path';
import { afterAll, beforeAll, beforeEach, expect, onTestFailed, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startFake, type FakeServer } from '../fakes/index';
import { launchBrowser, screenshot, startHarness, type Harness } from './harness';

let ollama: FakeServer;
let harness: Harness;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  harness = await startHarness();
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(harness.url);
  await page.waitForFunction(() => 'enclave' in window);
  // With a connection the app shows conversations instead of the first-run screen.
  ollama = await startFake('ollama', { tokens: ['ok'], models: ['llama3.2:3b'] });
  const added = await page.evaluate((baseUrl) => window.enclave.addConnection({ kind: 'ollama', name: 'Local Ollama', baseUrl }), ollama.origin);
  expect(added.ok).toBe(true);
  await page.reload();
  await page.waitForFunction(() => 'enclave' in window);
});

afterAll(async () => {
  await browser?.close();
  await harness?.stop();
  await ollama?.close();
});

beforeEach(() => {
  onTestFailed(async () => {
    await screenshot(page, 'import-failure');
  });
});

const sidebar = () => page.getByRole('complementary', { name: 'Conversations' });
const rows = () => sidebar().getByRole('navigation', { name: 'Conversation list' }).locator('[data-conv-id]');

async function openImport(path: string) {
  await sidebar().getByRole('button', { name: 'Import…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import conversations' });
  await dialog.waitFor();
  await dialog.getByLabel('Choose a file to import').setInputFiles(path);
  return dialog;
}

test('a ChatGPT export with a broken conversation: the report counts and explains, the rest arrives', async () => {
  const dialog = await openImport(resolve('tests/fixtures/import/chatgpt-real-shapes.json'));
  const report = dialog.locator('.import-summary');
  await report.getByText('Imported 3 conversations and 8 messages from ChatGPT.').waitFor();
  const counts = await report.locator('.import-counts').innerText();
  expect(counts.replace(/\s+/g, ' ').trim()).toBe('Imported 3 Skipped 1 Warnings 4');
  const skipped = await report.locator('.import-skipped li').allInnerTexts();
  expect(skipped).toEqual(['Broken one (#4): conversations[3].mapping["ccc33333-0000-4000-8000-000000000001"].message.content.parts: expected array, received string']);
  await report.getByText('4 warnings').click();
  await screenshot(page, 'import-report');
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect.poll(() => rows().count()).toBe(3);

  // The picture turn: an [image] reply; the DALL-E prompt and the python code stay collapsed.
  await rows().filter({ hasText: 'A lighthouse picture' }).click();
  await page.getByRole('heading', { level: 1, name: 'A lighthouse picture' }).waitFor();
  const answers = page.locator('article.message.assistant');
  await expect.poll(() => answers.count()).toBe(2);
  const bodies = await answers.locator('.message-body').allInnerTexts();
  expect(bodies.join('\n')).not.toContain('print(2**100)');
  expect(bodies.join('\n')).not.toContain('"prompt"');
  await expect.poll(() => page.locator('details.reasoning[open]').count()).toBe(0);
  expect(await page.locator('details.reasoning').count()).toBe(2);
  await screenshot(page, 'import-tool-steps');
});
