// A conversation's temperature, set beside its system prompt: shown while active, kept with the
// conversation, and received by the model with every reply.
import { beforeAll, beforeEach, expect, onTestFailed, test } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot } from './harness';
import { openWithOllama, useLocalOllama } from './local-ollama-fixture';

const setup = useLocalOllama({ tokens: ['Calm', ' seas', '.'], tokenDelayMs: 20 });
let page: Page;

beforeAll(async () => {
  page = await openWithOllama(setup);
}, 60_000);

beforeEach(() => {
  onTestFailed(async () => {
    await screenshot(page, 'temperature-failure');
  });
});

const bar = () => page.getByRole('group', { name: 'System prompt' });
const chatBodies = () => setup.ollama.requests.filter((r) => r.path === '/api/chat').map((r) => r.body as { options?: { temperature?: number } });
const messageBox = () => page.getByLabel('Message', { exact: true });

async function sendAndWait(text: string) {
  await messageBox().fill(text);
  await messageBox().press('Enter');
  await page.locator('article.message.user').filter({ hasText: text }).waitFor();
  await expect.poll(() => page.locator('article.message.assistant').last().getAttribute('data-status'), { timeout: 10_000 }).toBe('complete');
}

test('a temperature set under the title is shown, kept with the conversation and sent with each reply', async () => {
  await sendAndWait('Describe the sea');
  expect(chatBodies().at(-1)?.options?.temperature).toBeUndefined();
  await bar().getByRole('button', { name: 'Temperature: default' }).click();

  const form = page.getByRole('form', { name: 'Temperature' });
  await form.getByLabel('Temperature value').fill('3');
  await form.getByRole('button', { name: 'Save' }).click();
  await form.getByRole('alert').getByText('Temperature is a number from 0 to 2, like 0.7.').waitFor();
  await form.getByLabel('Temperature value').fill('0.4');
  await screenshot(page, 'temperature-edit-light');
  await form.getByRole('button', { name: 'Save' }).click();
  await bar().getByRole('button', { name: 'Temperature 0.4' }).waitFor();
  await screenshot(page, 'temperature-header-light');

  await sendAndWait('And the sky?');
  expect(chatBodies().at(-1)?.options?.temperature).toBe(0.4);

  // Compare in this conversation sends the same temperature to every pane, and says so.
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  await page.locator('.cmp-title-row').getByText('temperature 0.4').waitFor();
  await page.getByRole('button', { name: 'Chat', exact: true }).click();

  // Another conversation has its own (none); coming back restores 0.4.
  await page.keyboard.press('Control+Shift+O');
  await bar().getByRole('button', { name: 'Temperature: default' }).waitFor();
  await page.getByRole('navigation', { name: 'Conversation list' }).locator('[data-conv-id]').filter({ hasText: /sea/i }).click();
  await bar().getByRole('button', { name: 'Temperature 0.4' }).waitFor();
  await page.emulateMedia({ colorScheme: 'dark' });
  await screenshot(page, 'temperature-header-dark');
  await bar().getByRole('button', { name: 'Temperature 0.4' }).click();
  await screenshot(page, 'temperature-edit-dark');

  await page.getByRole('form', { name: 'Temperature' }).getByRole('button', { name: 'Use default' }).click();
  await bar().getByRole('button', { name: 'Temperature: default' }).waitFor();
  await page.emulateMedia({ colorScheme: 'light' });
  await sendAndWait('Once more');
  expect(chatBodies().at(-1)?.options?.temperature).toBeUndefined();
});
