// The app lock as a person uses it: set a passphrase on the Privacy screen, lock with the
// shortcut, see nothing of the conversations (not even in the page's DOM), unlock, carry on.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { startFake, type FakeServer } from '../fakes/index';
import { launchBrowser, screenshot, startHarness, type Harness } from './harness';

const CANARY = 'Meet at the old lighthouse on Thursday';
const PASS = 'lantern keeper 42';
let fake: FakeServer;
let harness: Harness;
let browser: Browser;

beforeAll(async () => {
  fake = await startFake('ollama', { models: ['llama3.2:3b'], tokens: ['Noted', ', see', ' you', ' there.'] });
  browser = await launchBrowser();
  harness = await startHarness();
});
afterAll(async () => {
  await browser?.close();
  await harness?.stop();
  await fake?.close();
});

test('lock with the shortcut: the window holds nothing of the conversations until the passphrase is given', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
  await page.goto(harness.url);
  expect((await page.evaluate((req) => window.enclave.addConnection(req), { kind: 'ollama' as const, name: 'Ollama', baseUrl: fake.baseUrl })).ok).toBe(true);
  await page.reload();
  await page.getByRole('button', { name: 'Chat', exact: true }).click();
  const box = page.getByRole('textbox', { name: 'Message', exact: true });
  await box.fill(CANARY);
  await box.press('Enter');
  await page.locator('article.message.assistant[data-status="complete"]').getByText('Noted, see you there.').waitFor({ timeout: 20_000 });

  await page.getByRole('button', { name: 'Privacy', exact: true }).click();
  const card = page.getByRole('region', { name: 'App lock' });
  await card.getByLabel('New passphrase (8+ characters)').fill(PASS);
  await card.getByLabel('Again').fill(`${PASS}x`);
  await card.getByText('The two passphrases differ.').waitFor();
  expect(await card.getByRole('button', { name: 'Turn on the lock' }).isDisabled()).toBe(true);
  await card.getByLabel('Again').fill(PASS);
  await card.getByRole('button', { name: 'Turn on the lock' }).click();
  await card.getByRole('button', { name: 'Lock now' }).waitFor();
  await card.scrollIntoViewIfNeeded();
  await screenshot(page, 'app-lock-settings');

  await page.getByRole('button', { name: 'Chat', exact: true }).click();
  await page.keyboard.press('Control+Shift+L');
  await page.getByRole('heading', { name: 'Enclave is locked' }).waitFor();
  expect(await page.content()).not.toContain('lighthouse');
  // Even the engine refuses, whatever the page asks.
  const refused = await page.evaluate(() => window.enclave.listConversations({}));
  expect(refused).toMatchObject({ ok: false, error: { kind: 'locked' } });

  await page.getByLabel('Passphrase').fill('not it at all');
  await page.getByRole('button', { name: 'Unlock' }).click();
  await page.getByRole('alert').getByText('That passphrase is not right.').waitFor();
  await screenshot(page, 'app-lock-screen');

  await new Promise((r) => setTimeout(r, 1100)); // the wait after a wrong guess
  await page.getByLabel('Passphrase').fill(PASS);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await page.getByRole('button', { name: 'Chat', exact: true }).waitFor();
  await page.getByText(CANARY.slice(0, 20)).first().waitFor();

  // A reload while locked comes back to the lock screen, not to the conversations.
  await page.evaluate(() => window.enclave.lockNow({}));
  await page.reload();
  await page.getByRole('heading', { name: 'Enclave is locked' }).waitFor();
  expect(await page.content()).not.toContain('lighthouse');
});
