// A newcomer's first minutes: add a local Ollama, chat, see the reply stream in, reload, and find
// it still there.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { startFake, type FakeServer } from '../fakes/index';
import { launchBrowser, screenshot, startHarness, type Harness } from './harness';

let ollama: FakeServer;
let harness: Harness;
let browser: Browser;

beforeAll(async () => {
  ollama = await startFake('ollama', {
    tokens: ['Hello', ' from', ' a', ' **local**', ' model', '.', '\n\n', '- one', '\n- two'],
    tokenDelayMs: 40,
    models: ['llama3.2:3b'],
  });
  harness = await startHarness();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await harness?.stop();
  await ollama?.close();
});

test('adds a local Ollama, streams a reply token by token, and keeps it after a reload', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(harness.url);
  await page.getByRole('heading', { name: 'Welcome to Enclave' }).waitFor();
  await screenshot(page, 'onboarding');

  // The welcome screen names the same demo command as the README.
  await page.getByText('npm start -- --demo').waitFor();
  // "Add a connection" opens the form itself, not just the screen.
  await page.getByRole('button', { name: 'Add a connection' }).click();
  const form = page.getByRole('form', { name: 'Add a connection' });
  await form.waitFor();
  await form.getByLabel('Provider').selectOption('ollama');
  await form.getByLabel('Name').fill('My Ollama');
  await form.getByLabel(/Base URL/).fill(ollama.origin);
  await form.getByRole('button', { name: 'Save and test' }).click();
  await page.getByText(/Connected in \d+ ms · 1 models?$/).waitFor();
  await screenshot(page, 'connections-filled');

  await page.getByRole('button', { name: 'Chat', exact: true }).click();
  await page.getByRole('button', { name: /^Model: llama3\.2:3b/ }).waitFor();
  const composer = page.getByRole('textbox', { name: 'Message', exact: true });
  await composer.fill('Say hello');
  await composer.press('Enter');

  const reply = page.locator('article.message.assistant').last();
  // Token by token: a partial reply is visible before the whole one.
  await reply.getByText('Hello from').waitFor();
  const partial = await reply.locator('.message-body').innerText();
  await reply.getByText('two').waitFor();
  const full = await reply.locator('.message-body').innerText();
  expect(partial.length).toBeLessThan(full.length);
  expect(full).toContain('Hello from a local model.');
  await expect.poll(() => reply.getAttribute('data-status')).toBe('complete');
  await screenshot(page, 'chat');

  const sent = ollama.requests.find((r) => r.path === '/api/chat');
  expect(sent?.body).toMatchObject({ model: 'llama3.2:3b' });
  expect(JSON.stringify(sent?.body)).toContain('Say hello');

  await page.reload();
  await page.getByRole('button', { name: /Say hello/ }).click();
  await page.locator('article.message.assistant').getByText('Hello from a local model.').waitFor();
  await page.close();
});

test('a reply that finishes before the send call returns does not stay "streaming"', async () => {
  ollama.setBehaviour({ tokens: ['Instant', ' answer.'], tokenDelayMs: 0 });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(harness.url);
  await page.getByRole('button', { name: /^Model: llama3\.2:3b/ }).waitFor();
  const composer = page.getByRole('textbox', { name: 'Message', exact: true });
  for (const [i, text] of ['one', 'two', 'three'].entries()) {
    await composer.fill(text);
    await composer.press('Enter');
    // This turn's own reply, not the previous one that is already complete.
    await expect.poll(() => page.locator('article.message.assistant').count(), { timeout: 15_000 }).toBe(i + 1);
    await expect.poll(() => page.locator('article.message.assistant').last().getAttribute('data-status'), { timeout: 15_000 }).toBe('complete');
    await expect.poll(() => composer.inputValue(), { timeout: 15_000 }).toBe('');
  }
  expect(await page.locator('article.message.assistant[data-status="streaming"]').count()).toBe(0);
  expect(await page.getByRole('button', { name: /Stop/ }).count()).toBe(0);
  await page.close();
});

test('a finished reply stays finished when an older read of the conversation answers last', async () => {
  ollama.setBehaviour({ tokens: ['Slow', ' and', ' steady', ' wins.'], tokenDelayMs: 150 });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  let sent = false;
  let holding = false;
  let newerAnswered!: () => void;
  const newer = new Promise<void>((r) => (newerAnswered = r));
  // The send's own re-read is taken while the reply streams, and delivered only after the re-read
  // made when the reply ended: the order a loaded machine produces now and then.
  await page.route('**/__harness/call/sendMessage', async (route) => {
    const res = await route.fetch();
    sent = true;
    await route.fulfill({ response: res });
  });
  await page.route('**/__harness/call/getConversation', async (route) => {
    if (!sent) return route.continue();
    const res = await route.fetch();
    if (!holding) {
      holding = true;
      await newer;
      return route.fulfill({ response: res });
    }
    await route.fulfill({ response: res });
    newerAnswered();
  });
  await page.goto(harness.url);
  await page.getByRole('button', { name: /^Model: llama3\.2:3b/ }).waitFor();
  const composer = page.getByRole('textbox', { name: 'Message', exact: true });
  await composer.fill('race me');
  await composer.press('Enter');
  // The composer empties when the send call and its (stale, late) re-read are done.
  await expect.poll(() => composer.inputValue(), { timeout: 15_000 }).toBe('');
  const reply = page.locator('article.message.assistant').last();
  expect(await reply.getAttribute('data-status')).toBe('complete');
  expect(await reply.locator('.message-body').innerText()).toBe('Slow and steady wins.');
  expect(await page.getByRole('button', { name: /Stop/ }).count()).toBe(0);
  await page.close();
});
