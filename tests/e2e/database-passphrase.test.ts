// Without a keychain the conversation database is encrypted with a passphrase the person chooses
// on the start-up page: first run chooses it (twice), every later start asks for it, a wrong one
// is refused in words after a delay, and the right one opens the same conversations; changing it
// on the Privacy screen re-encrypts the database, and the next start wants the new one.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { closeDatabase, openDatabase } from '../../electron/core/store/database';
import { createConversationStore } from '../../electron/core/store/conversation-store';
import { resolveDatabaseKey } from '../../electron/core/store/database-key';
import { keyOnlyVault } from '../../electron/core/vault/vault';
import { launchBrowser, screenshot, startHarness, type Harness } from './harness';

const NO_KEYCHAIN = { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/enclave-no-bus', ENCLAVE_DB_PASSPHRASE: '' };
const PASSPHRASE = 'correct horse battery staple';
const NEW_PASSPHRASE = 'a newer, longer passphrase';

let harness: Harness | undefined;
let browser: Browser | undefined;
afterEach(async () => {
  await browser?.close();
  await harness?.stop();
  harness = browser = undefined;
});

/** A conversation written with the real store under the passphrase's key, while no harness runs. */
async function seed(dataDir: string, title: string): Promise<void> {
  const { key } = await resolveDatabaseKey({ dataDir, vault: keyOnlyVault({ service: 'Enclave-test-none' }), passphrase: PASSPHRASE });
  const { db } = openDatabase(join(dataDir, 'enclave.sqlite'), { key });
  const store = createConversationStore(db);
  store.addMessage({
    conversationId: store.createConversation({ title }).id,
    parentId: null,
    role: 'user',
    content: 'kept under the passphrase',
    status: 'complete',
    createdAt: Date.UTC(2026, 0, 5),
  });
  store.close();
  closeDatabase(db);
}

async function submit(page: Page, fields: Record<string, string>, button: string): Promise<number> {
  for (const [label, value] of Object.entries(fields)) await page.getByRole('textbox', { name: label }).fill(value);
  const started = Date.now();
  await Promise.all([page.waitForLoadState('domcontentloaded'), page.getByRole('button', { name: button }).click()]);
  await page.waitForLoadState('domcontentloaded');
  return Date.now() - started;
}

const alertText = async (page: Page) => (await page.getByRole('alert').textContent()) ?? '';

test('first run chooses a passphrase, a restart asks for it, a wrong one is refused, the right one opens the same conversations', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'enclave-e2e-passphrase-'));
  browser = await launchBrowser();
  const page = await browser.newPage({ viewport: { width: 1000, height: 760 } });

  harness = await startHarness({ dataDir, env: NO_KEYCHAIN });
  await expect.poll(() => harness!.output()).toContain('needs the passphrase of its conversation database');
  await page.goto(harness.url);
  await page.getByRole('heading', { level: 1, name: 'Choose a passphrase for your conversations' }).waitFor();
  expect(await page.textContent('body')).toContain('If you forget this passphrase, your conversations cannot be read.');
  await screenshot(page, 'database-passphrase-choose');
  await page.emulateMedia({ colorScheme: 'dark' });
  await screenshot(page, 'database-passphrase-choose-dark');
  await page.emulateMedia({ colorScheme: 'light' });

  // Typos are caught before anything is written: different twice, then too short.
  await submit(page, { 'Passphrase (at least': PASSPHRASE, 'The same passphrase again': `${PASSPHRASE}!` }, 'Encrypt and open Enclave');
  expect(await alertText(page)).toContain('The two passphrases are not the same.');
  // minlength would stop the browser from sending it; the core's own rule is what is tested here.
  await page.locator('input').evaluateAll((inputs) => inputs.forEach((i) => i.removeAttribute('minlength')));
  await submit(page, { 'Passphrase (at least': 'short', 'The same passphrase again': 'short' }, 'Encrypt and open Enclave');
  expect(await alertText(page)).toContain('at least 8 characters');
  expect(existsSync(join(dataDir, 'database-key.json'))).toBe(false);

  await submit(page, { 'Passphrase (at least': PASSPHRASE, 'The same passphrase again': PASSPHRASE }, 'Encrypt and open Enclave');
  await page.waitForFunction(() => 'enclave' in window);
  const info = await page.evaluate(() => window.enclave.getAppInfo({}));
  expect(info.ok && info.value.atRest?.keySource).toBe('passphrase');
  const keyFile = readFileSync(join(dataDir, 'database-key.json'), 'utf8');
  expect(keyFile).not.toContain(PASSPHRASE);
  expect(harness.output()).not.toContain(PASSPHRASE);
  await harness.stop();

  await seed(dataDir, 'Kept behind the passphrase');

  harness = await startHarness({ dataDir, env: NO_KEYCHAIN });
  await page.goto(harness.url);
  await page.getByRole('heading', { level: 1, name: 'Enter your passphrase' }).waitFor();
  expect(await page.getByLabel('The same passphrase again').count()).toBe(0);
  // Nothing of the engine answers before the passphrase: calls get the page, not data.
  const token = new URL(harness.url).searchParams.get('token')!;
  const call = await fetch(harness.url.replace('/?', '/__harness/call/listConversations?'), { method: 'POST', headers: { 'x-enclave-token': token }, body: '{}' });
  expect(call.status).toBe(503);
  expect(await call.text()).toContain('waiting for the passphrase');
  await page.emulateMedia({ colorScheme: 'dark' });
  await screenshot(page, 'database-passphrase-enter-dark');
  await page.emulateMedia({ colorScheme: 'light' });

  const waited = await submit(page, { Passphrase: 'wrong horse battery staple' }, 'Open Enclave');
  expect(await alertText(page)).toContain('That passphrase does not open your conversation database.');
  expect(waited).toBeGreaterThanOrEqual(1000); // the first wrong answer waits 1 s
  await screenshot(page, 'database-passphrase-enter');

  await submit(page, { Passphrase: PASSPHRASE }, 'Open Enclave');
  await page.getByRole('complementary', { name: 'Conversations' }).getByText('Kept behind the passphrase').waitFor();
  expect(readFileSync(join(dataDir, 'database-key.json'), 'utf8')).toBe(keyFile);

  await page.getByRole('button', { name: 'Privacy', exact: true }).click();
  const card = page.getByRole('region', { name: 'Encrypted on this computer' });
  await card.getByText('Your passphrase').waitFor();
  await card.getByText(/asks for it on its start-up page each time it starts/).waitFor();
  await card.scrollIntoViewIfNeeded();
  await screenshot(page, 'privacy-encryption-passphrase');
  await page.emulateMedia({ colorScheme: 'dark' });
  await screenshot(page, 'privacy-encryption-passphrase-dark');
  await page.emulateMedia({ colorScheme: 'light' });

  // Change it: the database is re-encrypted, and the next start wants the new one only.
  await card.getByRole('button', { name: 'Change passphrase…' }).click();
  await card.getByLabel('Current passphrase').fill('not my passphrase');
  await card.getByLabel('New passphrase (8+ characters)').fill(NEW_PASSPHRASE);
  await card.getByLabel('Again').fill(NEW_PASSPHRASE);
  await card.getByRole('button', { name: 'Re-encrypt with the new passphrase' }).click();
  await card.getByRole('alert').getByText('That passphrase does not open your conversation database.').waitFor();
  await card.getByLabel('Current passphrase').fill(PASSPHRASE);
  await card.getByLabel('New passphrase (8+ characters)').fill(NEW_PASSPHRASE);
  await card.getByLabel('Again').fill(NEW_PASSPHRASE);
  await card.getByRole('button', { name: 'Re-encrypt with the new passphrase' }).click();
  await card
    .getByRole('status')
    .getByText(/Passphrase changed/)
    .waitFor();
  await card.scrollIntoViewIfNeeded();
  await screenshot(page, 'privacy-database-passphrase-changed');
  // The reader was reopened under the new key: search still finds the conversation's text.
  const hits = await page.evaluate(() => window.enclave.searchMessages({ query: 'kept under' }));
  expect(hits.ok && hits.value.length).toBe(1);
  await harness.stop();

  harness = await startHarness({ dataDir, env: NO_KEYCHAIN });
  await page.goto(harness.url);
  await submit(page, { Passphrase: PASSPHRASE }, 'Open Enclave');
  expect(await alertText(page)).toContain('That passphrase does not open your conversation database.');
  await submit(page, { Passphrase: NEW_PASSPHRASE }, 'Open Enclave');
  await page.getByRole('complementary', { name: 'Conversations' }).getByText('Kept behind the passphrase').waitFor();
  expect(harness.output()).not.toContain(NEW_PASSPHRASE);
  expect(harness.output()).not.toContain(PASSPHRASE);
}, 180_000);
