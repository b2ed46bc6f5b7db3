// A slow local server (a model loading from disk): the reply shows a live "waiting for first
// token — N s" so the user can judge when to stop, and Stop works while waiting.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { startFake, type FakeServer } from '../fakes/index';
import { launchBrowser, screenshot, startHarness, type Harness } from './harness';

let ollama: FakeServer;
let harness: Harness;
let browser: Browser;

beforeAll(async () => {
  ollama = await startFake('ollama', { tokens: ['Finally', ' here.'], firstByteDelayMs: 20_000, models: ['llama3.2:3b'] });
  harness = await startHarness();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await harness?.stop();
  await ollama?.close();
});

test('shows a ticking "waiting for first token" while a slow server has not answered, and Stop ends it', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(harness.url);
  // "Add a connection" on the welcome screen opens the form itself.
  await page.getByRole('button', { name: 'Add a connection' }).click();
  const form = page.getByRole('form', { name: 'Add a connection' });
  await form.getByLabel('Provider').selectOption('ollama');
  await form.getByLabel('Name').fill('Slow Ollama');
  await form.getByLabel(/Base URL/).fill(ollama.origin);
  await form.getByRole('button', { name: 'Save and test' }).click();
  await page.getByText(/Connected in \d+ ms · 1 models?$/).waitFor();

  await page.getByRole('button', { name: 'Chat', exact: true }).click();
  await page.getByRole('button', { name: /^Model: llama3\.2:3b/ }).waitFor();
  const composer = page.getByRole('textbox', { name: 'Message', exact: true });
  await composer.fill('Are you there?');
  await composer.press('Enter');

  const reply = page.locator('article.message.assistant').last();
  await reply.getByText(/waiting for first token — 0 s/).waitFor();
  await reply.getByText(/waiting for first token — [2-9] s/).waitFor({ timeout: 10_000 });
  await screenshot(page, 'first-token-wait');
  await reply.getByRole('button', { name: 'Stop' }).click();
  await expect.poll(() => reply.getAttribute('data-status'), { timeout: 10_000 }).not.toBe('streaming');
  expect(await reply.getByText(/waiting for first token/).count()).toBe(0);
});
