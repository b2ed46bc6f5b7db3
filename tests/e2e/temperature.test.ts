// A conversation's temperature, set beside its system prompt: shown while active, kept with the
// conversation, and received by the model with every reply.
import { expect, test } from 'vitest';
import { screenshot } from './harness';
import { useLocalOllama, useOllamaPage } from './local-ollama-fixture';

const setup = useLocalOllama({ tokens: ['Calm', ' seas', '.'], tokenDelayMs: 20 });
const opened = useOllamaPage(setup, 'temperature-failure');

const bar = () => opened.page.getByRole('group', { name: 'System prompt' });
const chatBodies = () => setup.ollama.requests.filter((r) => r.path === '/api/chat').map((r) => r.body as { options?: { temperature?: number } });
const messageBox = () => opened.page.getByLabel('Message', { exact: true });

async function sendAndWait(text: string) {
  await messageBox().fill(text);
  await messageBox().press('Enter');
  await opened.page.locator('article.message.user').filter({ hasText: text }).waitFor();
  await expect.poll(() => opened.page.locator('article.message.assistant').last().getAttribute('data-status'), { timeout: 10_000 }).toBe('complete');
}

test('a temperature set under the title is shown, kept with the conversation and sent with each reply', async () => {
  await sendAndWait('Describe the sea');
  expect(chatBodies().at(-1)?.options?.temperature).toBeUndefined();
  await bar().getByRole('button', { name: 'Temperature: default' }).click();

  const form = opened.page.getByRole('form', { name: 'Temperature' });
  await form.getByLabel('Temperature value').fill('3');
  await form.getByRole('button', { name: 'Save' }).click();
  await form.getByRole('alert').getByText('Temperature is a number from 0 to 2, like 0.7.').waitFor();
  await form.getByLabel('Temperature value').fill('0.4');
  await screenshot(opened.page, 'temperature-edit-light');
  await form.getByRole('button', { name: 'Save' }).click();
  await bar().getByRole('button', { name: 'Temperature 0.4' }).waitFor();
  await screenshot(opened.page, 'temperature-header-light');

  await sendAndWait('And the sky?');
  expect(chatBodies().at(-1)?.options?.temperature).toBe(0.4);

  // Compare in this conversation sends the same temperature to every pane, and says so.
  await opened.page.getByRole('button', { name: 'Compare', exact: true }).click();
  await opened.page.locator('.cmp-title-row').getByText('temperature 0.4').waitFor();
  await opened.page.getByRole('button', { name: 'Chat', exact: true }).click();

  // Another conversation has its own (none); coming back restores 0.4.
  await opened.page.keyboard.press('Control+Shift+O');
  await bar().getByRole('button', { name: 'Temperature: default' }).waitFor();
  await opened.page.getByRole('navigation', { name: 'Conversation list' }).locator('[data-conv-id]').filter({ hasText: /sea/i }).click();
  await bar().getByRole('button', { name: 'Temperature 0.4' }).waitFor();
  await opened.page.emulateMedia({ colorScheme: 'dark' });
  await screenshot(opened.page, 'temperature-header-dark');
  await bar().getByRole('button', { name: 'Temperature 0.4' }).click();
  await screenshot(opened.page, 'temperature-edit-dark');

  await opened.page.getByRole('form', { name: 'Temperature' }).getByRole('button', { name: 'Use default' }).click();
  await bar().getByRole('button', { name: 'Temperature: default' }).waitFor();
  await opened.page.emulateMedia({ colorScheme: 'light' });
  await sendAndWait('Once more');
  expect(chatBodies().at(-1)?.options?.temperature).toBeUndefined();
});
