// Privacy that can be seen: the ledger after real traffic, export, the offline banner, the
// local-only lock, and the sensitive-data check before a message goes to a remote model.
//
// "Remote" here is honest about what a test machine can do: the connection is an
// OpenAI-compatible one at https://remote-llm.example/v1, so the core derives local=false from its
// base URL exactly as in production, egress applies its remote rules (https only, allowlist,
// offline), and the ledger records remote-llm.example. Only the last hop is redirected to a fake on
// 127.0.0.1, by the harness's test-only --route-host transport (harness/route-hosts.ts).
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startFake, type FakeServer } from '../fakes/index';
import { branchLength, launchBrowser, screenshot, startHarness, type Harness } from './harness';

const REMOTE_HOST = 'remote-llm.example';
const CARD = '4111 1111 1111 1111';
let remote: FakeServer;
let local: FakeServer;
let harness: Harness;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  remote = await startFake('openai-chat', { tokens: ['Noted', ', thanks.'], models: ['gpt-remote'] });
  local = await startFake('ollama', { tokens: ['Local', ' reply', '.'], models: ['llama3.2:3b'] });
  harness = await startHarness({ args: ['--route-host', `${REMOTE_HOST}=${remote.origin}`] });
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
  await page.goto(harness.url);
});

afterAll(async () => {
  await browser?.close();
  await harness?.stop();
  await remote?.close();
  await local?.close();
});

const remoteChats = () => remote.requests.filter((r) => r.path.endsWith('/chat/completions'));

async function chooseModel(id: string) {
  await page.getByRole('button', { name: /^Model:/ }).click();
  // The same model can also be listed under Recent: take its connection's entry (last).
  await page
    .getByRole('option', { name: new RegExp(id.replace(/\./g, '\\.')) })
    .last()
    .click();
  await page.getByRole('button', { name: new RegExp(`^Model: ${id}`) }).waitFor();
}

/** Whether the picker offers the model as disabled (the lock's UI half). */
async function pickerDisables(id: string): Promise<boolean> {
  await page.getByRole('button', { name: /^Model:/ }).click();
  const disabled = await page
    .getByRole('option', { name: new RegExp(id) })
    .last()
    .getAttribute('aria-disabled');
  await page.keyboard.press('Escape');
  return disabled === 'true';
}

async function sendMessage(text: string) {
  await page.getByRole('textbox', { name: 'Message', exact: true }).fill(text);
  await page.getByRole('textbox', { name: 'Message', exact: true }).press('Enter');
}

test('the privacy screen starts empty, says what never leaves, and the lock default can be set', async () => {
  await page.getByRole('button', { name: 'Privacy', exact: true }).click();
  await page.getByText('Nothing was sent yet.').waitFor();
  await page.getByText(/has not connected to anything in the last 30 days/).waitFor();
  await page.getByRole('region', { name: 'What never leaves this machine' }).getByText('No telemetry').waitFor();
  await screenshot(page, 'privacy-empty');
});

test('a card number bound for a remote model opens the check, and "redact" sends it redacted', async () => {
  await page.evaluate(
    async ({ remoteBase, localBase }) => {
      await window.enclave.addConnection({ kind: 'openai-compatible', name: 'Remote LLM', baseUrl: remoteBase });
      await window.enclave.addConnection({ kind: 'ollama', name: 'Ollama', baseUrl: localBase });
    },
    { remoteBase: `https://${REMOTE_HOST}/v1`, localBase: local.origin },
  );
  await page.reload();
  await chooseModel('gpt-remote');
  await sendMessage(`Please book it, my card is ${CARD}, thanks`);

  const dialog = page.getByRole('alertdialog', { name: 'This message may contain sensitive data' });
  await dialog.waitFor();
  await expect.poll(() => dialog.locator('mark.finding.cat-payment-card').innerText()).toBe(CARD);
  await dialog.getByText('Payment card number').waitFor();
  await screenshot(page, 'privacy-gate');
  expect(remoteChats()).toHaveLength(0);

  await dialog.getByRole('button', { name: 'Send with findings redacted' }).click();
  await expect.poll(() => remoteChats().length, { timeout: 15_000 }).toBe(1);
  const sent = remoteChats()[0]!.rawBody;
  expect(sent).toContain('[REDACTED:payment-card]');
  expect(sent).not.toContain('4111');
  await page.locator('article.message.assistant').last().getByText('Noted, thanks.').waitFor();
});

test('Cancel keeps the draft and sends nothing; local models are never checked', async () => {
  await sendMessage(`Second try ${CARD}`);
  const dialog = page.getByRole('alertdialog', { name: 'This message may contain sensitive data' });
  await dialog.waitFor();
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  expect(await page.getByRole('textbox', { name: 'Message', exact: true }).inputValue()).toContain(CARD);
  expect(remoteChats()).toHaveLength(1);
});

test('"Switch to a local model" locks the conversation, picks a local model and keeps the draft', async () => {
  await page.getByRole('textbox', { name: 'Message', exact: true }).press('Enter');
  const dialog = page.getByRole('alertdialog', { name: 'This message may contain sensitive data' });
  await dialog.getByRole('button', { name: 'Switch to a local model' }).click();
  await page.getByRole('button', { name: /Local only/ }).waitFor();
  await page.getByRole('button', { name: /^Model: llama3\.2:3b/ }).waitFor();
  expect(await page.getByRole('textbox', { name: 'Message', exact: true }).inputValue()).toContain(CARD);
  expect(await pickerDisables('gpt-remote')).toBe(true);
  await screenshot(page, 'lock-toggle-locked');

  // Local: no question, straight to the local model.
  await page.getByRole('textbox', { name: 'Message', exact: true }).press('Enter');
  await page.locator('article.message.assistant').last().getByText('Local reply.').waitFor();
  expect(JSON.stringify(local.requests.filter((r) => r.path === '/api/chat').map((r) => r.body))).toContain('4111 1111');
  expect(remoteChats()).toHaveLength(1);
});

test('unlocking asks first; locking is one click', async () => {
  await page.getByRole('button', { name: /Local only/ }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Allow remote models in this conversation?' });
  await confirm.waitFor();
  await screenshot(page, 'lock-toggle-confirm');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('button', { name: /Local only/ }).waitFor();

  await page.getByRole('button', { name: /Local only/ }).click();
  await confirm.getByRole('button', { name: 'Allow remote models' }).click();
  await page.getByRole('button', { name: /Remote allowed/ }).waitFor();
  expect(await pickerDisables('gpt-remote')).toBe(false);
  await screenshot(page, 'lock-toggle-unlocked');

  await page.getByRole('button', { name: /Remote allowed/ }).click();
  await page.getByRole('button', { name: /Local only/ }).waitFor();
});

test('a local conversation asks once before going remote; offline mode marks remote models unavailable, and a refused request appears in the ledger', async () => {
  await page.getByRole('button', { name: /Local only/ }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Allow remote models' }).click();
  // Controlled by the engine's answer, so click and wait for the banner rather than check().
  // The conversation's replies so far are local: moving it to a remote model asks, once.
  await page.getByRole('button', { name: /^Model:/ }).click();
  await page
    .getByRole('option', { name: /gpt-remote/ })
    .last()
    .click();
  const ask = page.getByRole('alertdialog', { name: 'Send this conversation to a remote model?' });
  await ask.getByText(/has been using llama3\.2:3b on this computer/).waitFor();
  await screenshot(page, 'remote-switch-confirm');
  await ask.getByRole('button', { name: 'Use gpt-remote' }).click();
  await page.getByRole('button', { name: /^Model: gpt-remote/ }).waitFor();
  await chooseModel('llama3.2:3b');
  await chooseModel('gpt-remote');
  expect(await ask.count()).toBe(0);

  const offline = page.getByRole('switch', { name: 'Offline mode' });
  expect(await offline.getAttribute('aria-checked')).toBe('false');
  await offline.getByText('Offline mode: off').waitFor();
  // Controlled by the engine's answer, so click and wait for the banner rather than check().
  await offline.click();
  const banner = page.getByRole('status', { name: 'Offline mode' });
  await banner.getByText('Offline mode is on.').waitFor();
  expect(await offline.getAttribute('aria-checked')).toBe('true');
  await offline.getByText('Offline mode: on').waitFor();
  // Never "Remote allowed" while nothing remote can be reached.
  await page.getByRole('button', { name: 'Local only while offline' }).waitFor();
  expect(await page.getByRole('button', { name: /Remote allowed/ }).count()).toBe(0);
  await page.getByRole('button', { name: /^Model:/ }).click();
  const option = page.getByRole('option', { name: /gpt-remote/ }).last();
  expect(await option.getAttribute('aria-disabled')).toBe('true');
  await option.getByText('unavailable: offline mode is on').waitFor();
  await screenshot(page, 'offline-picker');
  await page.keyboard.press('Escape');
  // Already chosen before going offline: the composer says so before anything is sent.
  await page.getByRole('status').filter({ hasText: 'gpt-remote is a remote model and offline mode is on' }).waitFor();
  await sendMessage('Anyone out there?');
  await page
    .locator('article.message.assistant')
    .last()
    .getByText(/Offline mode is on, so Enclave did not contact remote-llm\.example/)
    .waitFor();
  await screenshot(page, 'offline-banner');
  expect(remoteChats()).toHaveLength(1);

  await banner.getByRole('button', { name: 'Go online' }).click();
  await banner.waitFor({ state: 'detached' });
});

test('the ledger lists every request, filters them, totals them and exports them', async () => {
  await page.getByRole('button', { name: 'Privacy', exact: true }).click();
  const ledger = page.getByRole('region', { name: 'Network ledger' });
  await ledger.locator('tr[data-outcome="refused"]').first().waitFor();
  await page.getByText(/In the last 30 days Enclave connected to 2 hosts/).waitFor();
  await screenshot(page, 'privacy-ledger');

  await ledger.getByLabel('Outcome').selectOption('refused');
  await expect.poll(() => ledger.locator('tbody tr[data-outcome]').count()).toBeGreaterThan(0);
  expect(await ledger.locator('tbody tr[data-outcome]:not([data-outcome="refused"])').count()).toBe(0);
  await ledger.getByLabel('Outcome').selectOption('any');
  await ledger.getByLabel('Host').selectOption(REMOTE_HOST);
  const hosts = await ledger.locator('.ledger-table:not(.totals) tbody td:nth-child(3) code').allInnerTexts();
  expect(new Set(hosts)).toEqual(new Set([REMOTE_HOST]));
  await ledger.getByRole('table').filter({ hasText: 'Per host' }).getByText(REMOTE_HOST).waitFor();
  await screenshot(page, 'privacy-ledger-filtered');

  await ledger.getByRole('button', { name: 'Export CSV' }).click();
  const saved = ledger.getByRole('status').filter({ hasText: 'Saved CSV' });
  await saved.waitFor();
  const path = await saved.locator('code').innerText();
  expect(path).toContain(harness.dataDir);
  expect(existsSync(path)).toBe(true);
  const csv = readFileSync(path, 'utf8');
  expect(csv).toContain(REMOTE_HOST);
  expect(csv).toContain('refused');
  expect(csv).not.toContain('4111');
  await ledger.getByRole('button', { name: 'Export JSON' }).click();
  await ledger.getByRole('status').filter({ hasText: 'Saved JSON' }).waitFor();
  await screenshot(page, 'privacy-export');
});

test('the sensitive-data settings turn a category off, and the check follows', async () => {
  const settings = page.getByRole('region', { name: 'Sensitive-data check' });
  const card = settings.getByRole('checkbox', { name: 'Payment card number' });
  await card.click();
  await expect.poll(() => card.isChecked()).toBe(false);
  await settings.getByLabel('Word or pattern', { exact: true }).fill('Project Falcon');
  await settings.getByRole('button', { name: 'Add' }).click();
  await settings.getByText('Project Falcon').first().waitFor();
  await page.getByRole('region', { name: 'Local-only conversations' }).getByRole('switch').waitFor();
  await screenshot(page, 'privacy-settings');

  await page.getByRole('button', { name: 'Chat', exact: true }).click();
  await chooseModel('gpt-remote');
  await sendMessage(`About Project Falcon, card ${CARD}`);
  const dialog = page.getByRole('alertdialog', { name: 'This message may contain sensitive data' });
  await dialog.waitFor();
  expect(await dialog.locator('mark.finding').allInnerTexts()).toEqual(['Project Falcon']);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
});

test('each conversation reopens with the model it last used', async () => {
  await page
    .getByRole('button', { name: /New chat/ })
    .first()
    .click();
  await chooseModel('llama3.2:3b');
  await sendMessage('Kept at home');
  await page.locator('article.message.assistant').last().getByText('Local reply.').waitFor();
  await page
    .getByRole('button', { name: /New chat/ })
    .first()
    .click();
  await chooseModel('gpt-remote');
  await sendMessage('Sent abroad');
  await page.locator('article.message.assistant').last().getByText('Noted, thanks.').waitFor();

  await page.getByRole('button', { name: /Kept at home/ }).click();
  await page.getByRole('button', { name: /^Model: llama3\.2:3b/ }).waitFor();
  await page.getByRole('button', { name: /Sent abroad/ }).click();
  await page.getByRole('button', { name: /^Model: gpt-remote/ }).waitFor();
  await page.getByRole('button', { name: /Kept at home/ }).click();
  await page.getByRole('button', { name: /^Model: llama3\.2:3b/ }).waitFor();
  const before = remoteChats().length;
  await sendMessage('Still here?');
  await expect.poll(() => branchLength(page)).toBe(4);
  await page.locator('article.message.assistant').last().getByText('Local reply.').waitFor();
  expect(remoteChats()).toHaveLength(before);
  await screenshot(page, 'conversation-model-restored');
});

test('the privacy screen says the conversations are encrypted on disk, with which cipher, and that the key is in the keychain', async () => {
  await page.getByRole('button', { name: 'Privacy', exact: true }).click();
  const card = page.getByRole('region', { name: 'Encrypted on this computer' });
  await card.getByText('ChaCha20-Poly1305 (SQLite3 Multiple Ciphers), 256-bit key').waitFor();
  await card.getByText('System keychain').waitFor();
  await card.getByText('The write-ahead log that holds the newest writes').waitFor();
  await card.getByText(/No conversation text\./).waitFor();
  await card.scrollIntoViewIfNeeded();
  await screenshot(page, 'privacy-encryption');
});
