// The built-in engine as a person meets it: onboarding with no key and no server offers to run a
// GGUF file inside Enclave, shows what the file is and whether it fits in memory, and the first
// reply streams from real llama.cpp; later the sensitive-data check offers the built-in model
// instead of a remote one. The model is the tiny random-weight llama the test writes itself.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startFake, type FakeServer } from '../fakes/index';
import { writeTinyLlama } from '../support/tiny-llama';
import { launchBrowser, screenshot, startHarness, type Harness } from './harness';

const REMOTE_HOST = 'remote-llm.example';
const CARD = '4111 1111 1111 1111';
const modelPath = join(mkdtempSync(join(tmpdir(), 'enclave-e2e-gguf-')), 'tiny-llama.F32.gguf');
writeTinyLlama(modelPath, { contextLength: 512, name: 'Tiny Llama', endsReplies: true });

let remote: FakeServer;
let harness: Harness;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  remote = await startFake('openai-chat', { tokens: ['Noted', '.'], models: ['gpt-remote'] });
  harness = await startHarness({ args: ['--route-host', `${REMOTE_HOST}=${remote.origin}`] });
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
  await page.goto(harness.url);
});

afterAll(async () => {
  await browser?.close();
  await harness?.stop();
  await remote?.close();
});

const remoteChats = () => remote.requests.filter((r) => r.path.endsWith('/chat/completions'));

async function sendMessage(text: string) {
  await page.getByRole('textbox', { name: 'Message', exact: true }).fill(text);
  await page.getByRole('textbox', { name: 'Message', exact: true }).press('Enter');
}

test('onboarding runs a model file with no key and no server: details first, then a streamed reply', async () => {
  await page.getByRole('heading', { name: 'Run a model inside Enclave' }).waitFor();
  await page.getByRole('button', { name: 'Use a model file' }).click();
  const form = page.getByRole('form', { name: 'Add a model file' });
  await form.getByLabel('GGUF model file').fill('models/tiny.gguf');
  await form.getByRole('button', { name: 'Check file' }).click();
  await form
    .getByRole('alert')
    .getByText(/full path/)
    .waitFor();

  await form.getByLabel('GGUF model file').fill(modelPath);
  await form.getByRole('button', { name: 'Check file' }).click();
  const details = form.getByLabel('Model file details');
  await details.getByText('F32').waitFor({ timeout: 60_000 });
  await details.getByText('llama', { exact: true }).waitFor();
  await details.getByText(/512 tokens trained/).waitFor();
  await details.getByText(/needs about .* free now/).waitFor();
  await screenshot(page, 'builtin-onboarding');

  await form.getByRole('button', { name: 'Add model' }).click();
  await page.getByRole('button', { name: /^Model: tiny-llama\.F32 via Built-in/ }).waitFor();
  await sendMessage('Hello, who are you?');
  const reply = page.locator('article.message.assistant').last();
  await expect.poll(async () => (await reply.innerText()).trim().length, { timeout: 90_000 }).toBeGreaterThan(10);
  await expect.poll(() => page.getByRole('button', { name: /Stop/ }).count(), { timeout: 90_000 }).toBe(0);
  await screenshot(page, 'builtin-chat');
  expect(remoteChats()).toHaveLength(0);
}, 240_000);

test('the sensitive-data check offers the built-in model, and choosing it sends nothing away', async () => {
  await page.evaluate(async (remoteBase) => {
    await window.enclave.addConnection({ kind: 'openai-compatible', name: 'Remote LLM', baseUrl: remoteBase });
  }, `https://${REMOTE_HOST}/v1`);
  await page.reload();
  await page.getByRole('button', { name: /^Model:/ }).click();
  await page
    .getByRole('option', { name: /gpt-remote/ })
    .last()
    .click();
  await page.getByRole('button', { name: /^Model: gpt-remote/ }).waitFor();
  await sendMessage(`Please book it, my card is ${CARD}, thanks`);

  const dialog = page.getByRole('alertdialog', { name: 'This message may contain sensitive data' });
  await dialog.waitFor();
  await dialog.getByRole('button', { name: 'Send to the built-in model instead' }).waitFor();
  await screenshot(page, 'builtin-gate');
  await dialog.getByRole('button', { name: 'Send to the built-in model instead' }).click();
  await page.getByRole('button', { name: /^Model: tiny-llama\.F32 via Built-in/ }).waitFor();
  await page.locator('article.message.user').last().getByText(CARD, { exact: false }).waitFor();
  await expect.poll(() => page.getByRole('button', { name: /Stop/ }).count(), { timeout: 90_000 }).toBe(0);
  expect(remoteChats()).toHaveLength(0);
}, 180_000);

test('Connections lists the built-in model with its facts', async () => {
  await page.getByRole('button', { name: 'Connections', exact: true }).click();
  const list = page.getByRole('list', { name: 'Built-in models' });
  await list.getByText('Tiny Llama').waitFor();
  await list.getByText(/llama · F32/).waitFor();
  await screenshot(page, 'builtin-connections');
});
