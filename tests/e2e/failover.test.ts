// Failover as a person sees it: a conversation's fallback chain set in its dialog, a model that
// fails before answering, the reply from the next model with a note saying why, and the
// provider health table on the Privacy screen built from the ledger.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startFake, type FakeServer } from '../fakes/index';
import { launchBrowser, screenshot, startHarness, type Harness } from './harness';

let broken: FakeServer;
let working: FakeServer;
let harness: Harness;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  broken = await startFake('ollama', { status: 503, models: ['flaky:7b'] });
  working = await startFake('ollama', { models: ['llama3.2:3b'], tokens: ['The', ' backup', ' model', ' answered.'] });
  browser = await launchBrowser();
  harness = await startHarness();
});

afterAll(async () => {
  await browser?.close();
  await harness?.stop();
  await Promise.all([broken?.close(), working?.close()]);
});

async function chooseModel(p: Page, modelId: string, connectionName: string): Promise<void> {
  await p.getByRole('button', { name: /^Model:/ }).click();
  await p.getByRole('combobox', { name: 'Search models' }).fill(`${modelId} ${connectionName}`);
  await p.getByRole('combobox', { name: 'Search models' }).press('Enter');
  await p.getByRole('button', { name: `Model: ${modelId} via ${connectionName}` }).waitFor();
}

async function ask(p: Page, text: string) {
  const replies = p.locator('article.message.assistant');
  const before = await replies.count();
  const box = p.getByRole('textbox', { name: 'Message', exact: true });
  await box.fill(text);
  await box.press('Enter');
  await expect.poll(() => replies.count(), { timeout: 20_000 }).toBe(before + 1);
  const reply = replies.last();
  await expect.poll(() => reply.getAttribute('data-status'), { timeout: 20_000 }).not.toBe('streaming');
  return reply;
}

test('a model that fails before answering hands the turn to the next in the chain, and health shows both', async () => {
  page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
  await page.goto(harness.url);
  for (const [name, fake] of [
    ['Flaky server', broken],
    ['Home Ollama', working],
  ] as const) {
    const result = await page.evaluate((req) => window.enclave.addConnection(req), { kind: 'ollama' as const, name, baseUrl: fake.baseUrl });
    expect(result.ok).toBe(true);
  }
  await page.reload();
  await page.getByRole('button', { name: 'Chat', exact: true }).click();

  await chooseModel(page, 'llama3.2:3b', 'Home Ollama');
  expect(await (await ask(page, 'Warm up')).getAttribute('data-status')).toBe('complete');

  await page.getByRole('button', { name: 'No fallback' }).click();
  const dialog = page.getByRole('dialog', { name: 'Fallback models' });
  await dialog.getByRole('combobox').selectOption({ label: 'llama3.2:3b' });
  await expect.poll(() => dialog.getByRole('listitem').count()).toBe(1);
  await screenshot(page, 'fallback-chain-dialog');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('button', { name: 'Fallback: llama3.2:3b' }).waitFor();

  await chooseModel(page, 'flaky:7b', 'Flaky server');
  const reply = await ask(page, 'Are you there?');
  expect(await reply.getAttribute('data-status')).toBe('complete');
  await reply.getByText('The backup model answered.').waitFor();
  const note = reply.getByRole('note');
  await expect.poll(() => note.textContent()).toMatch(/Answered by llama3\.2:3b \(Home Ollama\) because flaky:7b failed before answering/);
  expect(broken.requests.filter((r) => r.method === 'POST').length).toBeGreaterThan(0);
  await screenshot(page, 'failover-note');

  // The chain belongs to the conversation: it is still there after a reload.
  await page.reload();
  await page.getByText('Warm up', { exact: true }).first().click();
  await page.getByRole('button', { name: 'Fallback: llama3.2:3b' }).waitFor();

  await page.getByRole('button', { name: 'Privacy', exact: true }).click();
  const health = page.getByRole('region', { name: 'Provider health' });
  const flakyRow = health.getByRole('row').filter({ hasText: 'flaky:7b' });
  const okRow = health.getByRole('row').filter({ hasText: 'llama3.2:3b' });
  await expect.poll(() => flakyRow.textContent()).toMatch(/Flaky server\d+0%/);
  await expect.poll(() => okRow.textContent()).toMatch(/Home Ollama2100%/);
  await health.scrollIntoViewIfNeeded();
  await screenshot(page, 'provider-health');
});
