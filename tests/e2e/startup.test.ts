// What a user sees when the harness cannot start on its data folder: a page saying why and what
// to do (never a stack trace or a blank page), and the same words in the terminal.
import { afterEach, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { acquireDataDirLock, type DataDirLock } from '../../electron/core/startup/data-dir-lock';
import { launchBrowser, screenshot, startHarness, type Harness } from './harness';

let harness: Harness | undefined;
let browser: Browser | undefined;
let lock: DataDirLock | undefined;
afterEach(async () => {
  await browser?.close();
  await harness?.stop();
  lock?.release();
  harness = browser = lock = undefined;
});

test('a data folder another Enclave is using opens a page that says so, and nothing else runs', async () => {
  const { mkdtempSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const dataDir = mkdtempSync(join(tmpdir(), 'enclave-e2e-locked-'));
  lock = acquireDataDirLock(dataDir);
  harness = await startHarness({ dataDir });
  await expect.poll(() => harness!.output()).toContain('Enclave is already running with this data folder');

  browser = await launchBrowser();
  const page = await browser.newPage({ viewport: { width: 1100, height: 700 } });
  const response = await page.goto(harness.url);
  expect(response?.status()).toBe(503);
  await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Enclave could not start');
  const text = (await page.textContent('body')) ?? '';
  expect(text).toContain(`Process ${process.pid}`);
  expect(text).toContain('What to do:');
  expect(await page.content()).not.toMatch(/\bat \S+ \(|node:internal/); // no stack trace
  await screenshot(page, 'startup-locked');
  // Calls with the token get the same page: there is no engine behind it.
  const call = await page.evaluate(async (url) => (await fetch(url, { method: 'POST', body: '{}' })).status, harness.url.replace('/?', '/__harness/call/listConversations?'));
  expect(call).toBe(503);
});
