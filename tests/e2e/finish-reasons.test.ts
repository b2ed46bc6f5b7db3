// How a reply ended, as a person sees it: reasoning a local server left inside the text folded
// away, a token-limit cut with Continue, a refusal and a tool call each said in words, and
// tokens with "price unknown" rather than a made-up $0. Against recorded streams, replayed.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startReplay, type ReplayServer } from '../fakes/replay';
import { launchBrowser, screenshot, startHarness, type Harness } from './harness';

let replay: ReplayServer;
let harness: Harness;
let browser: Browser;

beforeAll(async () => {
  replay = await startReplay({ models: ['Qwen3-8B'] });
  harness = await startHarness();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await harness?.stop();
  await replay?.close();
});

async function send(page: Page, recording: string, text: string) {
  replay.play(recording);
  const composer = page.getByRole('textbox', { name: 'Message', exact: true });
  await composer.fill(text);
  await composer.press('Enter');
  const reply = page.locator('article.message.assistant').last();
  await expect.poll(() => reply.getAttribute('data-status'), { timeout: 15_000 }).toBe('complete');
  return reply;
}

test('shows inline reasoning folded, a token-limit cut with Continue, a refusal and a tool call', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(harness.url);
  // "Add a connection" on the welcome screen opens the form itself.
  await page.getByRole('button', { name: 'Add a connection' }).click();
  const form = page.getByRole('form', { name: 'Add a connection' });
  await form.getByLabel('Provider').selectOption('openai-compatible');
  await form.getByLabel('Name').fill('llama.cpp');
  await form.getByLabel(/Base URL/).fill(`${replay.origin}/v1`);
  await form.getByRole('button', { name: 'Save and test' }).click();
  await page.getByText(/Connected in \d+ ms · 1 models?$/).waitFor();
  await page.getByRole('button', { name: 'Chat', exact: true }).click();
  await page.getByRole('button', { name: /^Model: Qwen3-8B/ }).waitFor();

  const thought = await send(page, 'llamacpp-think-split.sse', 'Hi!');
  await expect.poll(() => thought.locator('.message-body').innerText()).toContain('Hello! How can I help?');
  expect(await thought.locator('.message-body').innerText()).not.toContain('think');
  const reasoning = thought.locator('details.reasoning');
  expect(await reasoning.getAttribute('open')).toBeNull();
  await reasoning.locator('summary').click();
  await reasoning.getByText('The user says hi. A short, friendly greeting back.').waitFor();

  const cut = await send(page, 'vllm-length.sse', 'Name the primary colours of light.');
  const notice = cut.getByRole('status');
  await notice.getByText('Stopped at the token limit').waitFor();
  expect(await cut.getByTestId('usage-line').innerText()).toMatch(/^21 in · 16 out · \$0\.00$/);
  await screenshot(page, 'finish-length');

  replay.play('vllm-continuation.sse');
  await notice.getByRole('button', { name: 'Continue' }).click();
  await cut.getByText('red, green and blue.').waitFor();
  await expect.poll(() => cut.getByRole('status').count()).toBe(0);

  const refused = await send(page, 'openai-chat-refusal.sse', 'Help me pick a lock.');
  await refused.getByText('The model declined to answer').waitFor();
  const tool = await send(page, 'vllm-tool-call.sse', "What's the weather in Paris?");
  await tool.getByText('The model asked to call a tool (get_weather), which Enclave does not run').waitFor();
  await screenshot(page, 'finish-notices');
  await page.close();
});
