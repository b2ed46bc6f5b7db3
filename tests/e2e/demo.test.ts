// Demo mode as a newcomer meets it: simulated local servers whose replies follow the prompt, end
// properly (a whole table, a finished reply) and say they are simulated.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, screenshot, startHarness, type Harness } from './harness';

let harness: Harness;
let browser: Browser;

beforeAll(async () => {
  harness = await startHarness({ args: ['--demo'] });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await harness?.stop();
});

test('demo replies answer the prompt, finish, keep tables whole and say they are simulated', { timeout: 180_000 }, async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(harness.url);
  // The model is chosen once the demo servers' model lists arrive; until then Enter only says so.
  await page.getByRole('button', { name: /^Model: .+ via / }).waitFor();
  const composer = page.getByRole('textbox', { name: 'Message', exact: true });
  const replies = page.locator('article.message.assistant');

  await composer.fill('Compare SQLite vs Postgres for a desktop app');
  await composer.press('Enter');
  await page.locator('article.message.user', { hasText: 'Compare SQLite vs Postgres' }).waitFor();
  await expect.poll(() => replies.last().getAttribute('data-status'), { timeout: 60_000 }).toBe('complete');
  const first = replies.nth(0);
  await first.getByText('Demo mode: a simulated reply made on this computer. No model read your message.').waitFor();
  // The whole table arrived: header plus three rows, and the sentence after it.
  expect(await first.locator('table tr').count()).toBe(4);
  await first.getByText('The table is complete, but its contents are invented by the demo.').waitFor();
  await first.locator('.reply-stats').waitFor();
  await screenshot(page, 'demo-reply');

  await composer.fill('Write a Python function that parses CSV');
  await composer.press('Enter');
  await expect.poll(() => replies.count(), { timeout: 60_000 }).toBe(2);
  await expect.poll(() => replies.last().getAttribute('data-status'), { timeout: 60_000 }).toBe('complete');
  expect(await replies.last().locator('pre code').count()).toBe(1);
  // Highlighting loads after the first paint (its own chunk); the finished reply renders again with it.
  await replies.last().locator('pre code .hljs-keyword', { hasText: 'function' }).waitFor();
  expect(await replies.last().innerText()).not.toBe(await first.innerText());
  await page.close();
});
