// The Connections screen against the real keychain (gnome-keyring under dbus-run-session): keys
// go in through the UI, come back from the keychain after a restart, and never come back out.
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import type { ConnectionView } from '../../shared/types';
import { createVault } from '../../electron/core/vault/vault';
import { createMemoryHintStore } from '../../electron/core/vault/hint-store';
import { startFake, type FakeServer } from '../fakes/index';
import { launchBrowser, screenshot, startHarness, type Harness } from './harness';

const hasSession = Boolean(process.env.DBUS_SESSION_BUS_ADDRESS);
const KEY = `sk-test-${randomBytes(12).toString('hex')}`;
const ANTHROPIC_KEY = `sk-ant-test-${randomBytes(12).toString('hex')}`;
const GOOGLE_KEY = `AIzaTest${randomBytes(12).toString('hex')}`;
const TOGETHER_MODELS = ['meta-llama/Llama-3.3-70B-Instruct-Turbo', 'Qwen/Qwen2.5-72B-Instruct-Turbo'];

let together: FakeServer;
let anthropic: FakeServer;
let gemini: FakeServer;
let localOllama: FakeServer;
let harness: Harness;
let browser: Browser;
let page: Page;

async function openConnections(p: Page): Promise<void> {
  await p.getByRole('button', { name: 'Connections', exact: true }).click();
  await p.getByRole('heading', { name: 'Connections', level: 1 }).waitFor();
}

async function fillAddForm(p: Page, c: { kind: string; name: string; baseUrl: string; key?: string }): Promise<Locator> {
  await p.getByRole('button', { name: '+ Add connection' }).click();
  const form = p.getByRole('form', { name: 'Add a connection' });
  await form.getByLabel('Provider').selectOption(c.kind);
  await form.getByLabel('Name').fill(c.name);
  await form.getByLabel(/Base URL/).fill(c.baseUrl);
  if (c.key) await form.getByLabel(/API key/).fill(c.key);
  await form.getByRole('button', { name: 'Save and test' }).click();
  return form;
}

/** Adds a connection; one whose test fails is kept only after saying so in the question. */
async function addThroughForm(p: Page, c: { kind: string; name: string; baseUrl: string; key?: string }, failing = false): Promise<Locator> {
  const form = await fillAddForm(p, c);
  if (failing) {
    const ask = p.getByRole('alertdialog', { name: 'Keep a connection that failed its test?' });
    await ask.waitFor();
    await ask.getByRole('button', { name: 'Keep it anyway' }).click();
  }
  await form.waitFor({ state: 'detached' });
  return p.getByRole('listitem', { name: c.name, exact: true });
}

/** Chooses a model in the composer's picker by searching for it and its connection's name. */
async function chooseModel(p: Page, modelId: string, connectionName: string): Promise<void> {
  await p.getByRole('button', { name: /^Model:/ }).click();
  await p.getByRole('combobox', { name: 'Search models' }).fill(`${modelId} ${connectionName}`);
  // Options show the provider's display name; the search matched the id, so take the first.
  await p.getByRole('combobox', { name: 'Search models' }).press('Enter');
  await p.getByRole('button', { name: `Model: ${modelId} via ${connectionName}` }).waitFor();
}

async function connectionsOf(p: Page): Promise<ConnectionView[]> {
  return p.evaluate(async () => {
    const r = await window.enclave.listConnections({});
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  });
}

/** Nothing the renderer can read (DOM, inputs, storage) holds the key once it is saved. */
async function rendererHolds(p: Page, secret: string): Promise<boolean> {
  return p.evaluate((s) => {
    const inputs = [...document.querySelectorAll('input')].map((i) => i.value).join('\n');
    const storage = JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage });
    return document.documentElement.outerHTML.includes(s) || inputs.includes(s) || storage.includes(s);
  }, secret);
}

beforeAll(async () => {
  together = await startFake('openai-chat', { requiredKey: KEY, models: TOGETHER_MODELS, tokens: ['Hello', ' from', ' Together', '.'] }, { flavor: 'together' });
  anthropic = await startFake('anthropic', { requiredKey: ANTHROPIC_KEY, models: ['claude-sonnet-4-5'] });
  gemini = await startFake('gemini', { requiredKey: GOOGLE_KEY, models: ['gemini-2.5-flash'] });
  localOllama = await startFake('ollama', { models: ['qwen3:4b'] });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await harness?.stop();
  await Promise.all([together?.close(), anthropic?.close(), gemini?.close(), localOllama?.close()]);
});

describe.skipIf(!hasSession)('Connections with the real keychain (run under dbus-run-session)', () => {
  test('adds a keyed OpenAI-compatible connection, verifies it, and shows the precise error for a wrong key', async () => {
    harness = await startHarness();
    page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
    await page.goto(harness.url);
    await page.getByRole('heading', { name: 'Welcome to Enclave' }).waitFor();
    await openConnections(page);
    await page.getByText('No connections yet.').waitFor();
    await screenshot(page, 'connections-empty');

    const good = await addThroughForm(page, { kind: 'openai-compatible', name: 'Together', baseUrl: together.baseUrl, key: KEY });
    await good.getByText(/Connected in \d+ ms · 2 models/).waitFor();
    await good.getByText(`Key ••••${KEY.slice(-4)}`).waitFor();
    await good.getByText('verified just now').waitFor();
    const listing = together.requests.find((r) => r.path === '/v1/models');
    expect(listing?.headers['authorization']).toBe(`Bearer ${KEY}`);
    expect(await rendererHolds(page, KEY)).toBe(false);
    await screenshot(page, 'connections-verified');

    const bad = await addThroughForm(page, { kind: 'openai-compatible', name: 'Together (old key)', baseUrl: together.baseUrl, key: 'sk-wrong-0000key1' }, true);
    const failure = bad.getByRole('alert');
    await failure.getByText('Together (old key) says the key is invalid or not allowed to do this. Check it in Connections.').waitFor();
    await failure.getByText('HTTP 401').waitFor();
    // The provider's own words, with the key it echoed masked.
    await failure.getByText(/Incorrect API key provided: \[redacted\]/).waitFor();
    await expect.poll(() => bad.innerText()).toContain('not verified yet');
    expect(await bad.innerText()).not.toContain('sk-wrong');
    await screenshot(page, 'connections-auth-error');
  });

  test('a server that is not running: the test names the address, and the failed connection is saved only if asked', async () => {
    const dead = createServer();
    await new Promise<void>((r) => dead.listen(0, '127.0.0.1', r));
    const port = (dead.address() as AddressInfo).port;
    await new Promise((r) => dead.close(r));
    const form = await fillAddForm(page, { kind: 'ollama', name: 'Sleeping Ollama', baseUrl: `http://127.0.0.1:${port}` });
    const ask = page.getByRole('alertdialog', { name: 'Keep a connection that failed its test?' });
    await ask.getByText(`Nothing is listening on 127.0.0.1:${port} — is the server running?`).waitFor();
    await screenshot(page, 'connections-refused-ask');
    await ask.getByRole('button', { name: 'Cancel' }).click();
    await ask.waitFor({ state: 'detached' });
    // Not saved, and the form still holds what was typed, ready to fix.
    await expect.poll(async () => (await connectionsOf(page)).some((c) => c.name === 'Sleeping Ollama')).toBe(false);
    expect(await form.getByLabel(/Base URL/).inputValue()).toBe(`http://127.0.0.1:${port}`);
    await form.getByRole('button', { name: 'Cancel' }).click();
  });

  test('edits a connection: renames it and replaces the wrong key, which then verifies', async () => {
    const card = page.getByRole('listitem', { name: 'Together (old key)', exact: true });
    await card.getByRole('button', { name: 'Edit' }).click();
    const form = card.getByRole('form', { name: 'Edit Together (old key)' });
    // Write-only: the field for the key starts empty and only names the last four.
    expect(await form.getByLabel('Replace key').inputValue()).toBe('');
    await form.getByText('Leave empty to keep the key ending in key1.').waitFor();
    await form.getByLabel('Name').fill('Together backup');
    await form.getByLabel('Replace key').fill(KEY);
    await screenshot(page, 'connections-edit');
    await form.getByRole('button', { name: 'Save changes' }).click();

    const renamed = page.getByRole('listitem', { name: 'Together backup', exact: true });
    await renamed.getByText(/Connected in \d+ ms · 2 models/).waitFor();
    await renamed.getByText(`Key ••••${KEY.slice(-4)}`).waitFor();
    expect(await page.getByRole('listitem', { name: 'Together (old key)', exact: true }).count()).toBe(0);
    expect(await rendererHolds(page, KEY)).toBe(false);
  });

  test('adds a model id the listing omits, and it shows up in the model picker', async () => {
    const card = page.getByRole('listitem', { name: 'Together', exact: true });
    await card.locator('summary').click();
    const add = card.getByRole('form', { name: 'Add a model id to Together' });
    await add.getByLabel('Model id').fill('my-org/fine-tuned-llama');
    await add.getByRole('button', { name: 'Add model id' }).click();
    await card.getByRole('list', { name: 'Models added by hand' }).getByText('my-org/fine-tuned-llama').waitFor();
    await card.locator('summary').getByText('3 models').waitFor();
    await screenshot(page, 'connections-extra-model');

    const [conn] = (await connectionsOf(page)).filter((c) => c.name === 'Together');
    expect(conn?.extraModels).toEqual(['my-org/fine-tuned-llama']);
    await page.getByRole('button', { name: 'Chat', exact: true }).click();
    await chooseModel(page, 'my-org/fine-tuned-llama', 'Together');
    await openConnections(page);
  });

  test('reaches Anthropic and Google at overridden base URLs with each provider’s own key header', async () => {
    const claude = await addThroughForm(page, { kind: 'anthropic', name: 'Claude', baseUrl: anthropic.baseUrl, key: ANTHROPIC_KEY });
    await claude.getByText(/Connected in \d+ ms · 1 model$/).waitFor();
    const gem = await addThroughForm(page, { kind: 'google', name: 'Gemini', baseUrl: gemini.baseUrl, key: GOOGLE_KEY });
    await gem.getByText(/Connected in \d+ ms · 1 model$/).waitFor();

    const claudeList = anthropic.requests.find((r) => r.path === '/v1/models');
    expect(claudeList?.headers['x-api-key']).toBe(ANTHROPIC_KEY);
    expect(claudeList?.headers['authorization']).toBeUndefined();
    const geminiList = gemini.requests.find((r) => r.path === '/v1beta/models');
    expect(geminiList?.headers['x-goog-api-key']).toBe(GOOGLE_KEY);
    // In a header, never in the URL (where logs and proxies would keep it).
    expect(geminiList?.query['key']).toBeUndefined();
    await screenshot(page, 'connections-several');
  });

  test('finds nothing on the usual ports, then finds a server at a typed address and adds it in one click', async () => {
    await page.getByRole('button', { name: 'Find local servers' }).click();
    const panel = page.getByRole('region', { name: 'Local servers found' });
    await panel.waitFor();
    const probe = panel.getByRole('form', { name: 'Check an address' });
    await probe.getByLabel('Server address').fill('example.com:11434');
    await probe.getByRole('button', { name: 'Check' }).click();
    await probe.getByText(/example\.com is not this machine/).waitFor();

    const port = new URL(localOllama.origin).port;
    await probe.getByLabel('Server address').fill(`localhost:${port}`);
    await probe.getByRole('button', { name: 'Check' }).click();
    const row = panel.getByRole('listitem', { name: `Ollama at http://localhost:${port}` });
    await row.getByText('1 model').waitFor();
    await screenshot(page, 'connections-discovered');
    await row.getByRole('button', { name: 'Add' }).click();
    await row.getByText('added').waitFor();
    const added = page.getByRole('listitem', { name: 'Ollama', exact: true });
    await added.getByText(/Connected in \d+ ms · 1 model$/).waitFor();
    await added.getByText('No key').waitFor();
  });

  test('deletes a connection after asking, and its key leaves the keychain', async () => {
    const [backup] = (await connectionsOf(page)).filter((c) => c.name === 'Together backup');
    const vault = createVault({ hints: createMemoryHintStore(), service: 'Enclave-test' });
    expect(await vault.getKey(backup!.id)).toBe(KEY);

    const card = page.getByRole('listitem', { name: 'Together backup', exact: true });
    await card.getByRole('button', { name: 'Delete' }).click();
    const confirm = card.getByRole('alertdialog', { name: 'Delete Together backup?' });
    await confirm.getByText(`Its key (••••${KEY.slice(-4)}) is removed from your system keychain too.`).waitFor();
    await screenshot(page, 'connections-delete-confirm');
    await confirm.getByRole('button', { name: 'Keep it' }).click();
    expect(await vault.getKey(backup!.id)).toBe(KEY);

    await card.getByRole('button', { name: 'Delete' }).click();
    await confirm.getByRole('button', { name: 'Delete connection' }).click();
    await card.waitFor({ state: 'detached' });
    expect(await vault.getKey(backup!.id)).toBeNull();
    expect((await connectionsOf(page)).map((c) => c.name).sort()).toEqual(['Claude', 'Gemini', 'Ollama', 'Together']);
  });

  test('after a restart, chats through the connection with the key read back from the keychain', async () => {
    await page.close();
    await harness.stop();
    const before = together.requests.length;
    harness = await startHarness({ dataDir: harness.dataDir });
    page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
    await page.goto(harness.url);
    const [conn] = (await connectionsOf(page)).filter((c) => c.name === 'Together');
    expect(conn?.keyHint?.last4).toBe(KEY.slice(-4));

    await page.getByRole('button', { name: 'Chat', exact: true }).click();
    await chooseModel(page, TOGETHER_MODELS[0]!, 'Together');
    await page.getByRole('textbox', { name: 'Message', exact: true }).fill('Hello after a restart');
    await page.getByRole('textbox', { name: 'Message', exact: true }).press('Enter');
    const reply = page.locator('article.message.assistant').last();
    await reply.getByText('Hello from Together.').waitFor();
    await expect.poll(() => reply.getAttribute('data-status')).toBe('complete');
    await screenshot(page, 'connections-chat-after-restart');

    const chat = together.requests.slice(before).find((r) => r.path === '/v1/chat/completions');
    expect(chat?.headers['authorization']).toBe(`Bearer ${KEY}`);
    expect(JSON.stringify(chat?.body)).toContain('Hello after a restart');
    expect(await rendererHolds(page, KEY)).toBe(false);
    expect(harness.output()).not.toContain(KEY);
  });
});

describe('Connections without a keychain', () => {
  test('says why keys cannot be stored, blocks the key field, and still adds a local server', async () => {
    const bare = await startHarness({ env: { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/enclave-no-bus' } });
    const p = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    try {
      await p.goto(bare.url);
      // No keychain also means the database key comes from a passphrase, chosen on the start-up page.
      await p.getByRole('textbox', { name: 'Passphrase (at least' }).fill('no keychain on this machine');
      await p.getByRole('textbox', { name: 'The same passphrase again' }).fill('no keychain on this machine');
      await p.getByRole('button', { name: 'Encrypt and open Enclave' }).click();
      await p.waitForFunction(() => 'enclave' in window);
      await openConnections(p);
      const notice = p.getByRole('alert').filter({ hasText: 'No keychain available' });
      await notice.getByText(/Secret Service/).waitFor();
      await p.getByRole('button', { name: '+ Add connection' }).click();
      const form = p.getByRole('form', { name: 'Add a connection' });
      await form.getByLabel('Provider').selectOption('openai');
      expect(await form.getByLabel(/API key/).isDisabled()).toBe(true);
      await form.getByText('OpenAI needs a key, and there is no keychain to keep it in.', { exact: false }).waitFor();
      expect(await form.getByRole('button', { name: 'Save and test' }).isDisabled()).toBe(true);
      await screenshot(p, 'connections-no-keychain');

      await form.getByLabel('Provider').selectOption('ollama');
      await form.getByLabel(/Base URL/).fill(localOllama.origin);
      await form.getByRole('button', { name: 'Save and test' }).click();
      await p
        .getByRole('listitem', { name: 'Ollama', exact: true })
        .getByText(/Connected in \d+ ms · 1 model$/)
        .waitFor();
    } finally {
      await p.close();
      await bare.stop();
    }
  });
});
