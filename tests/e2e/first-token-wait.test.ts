// A slow local server (a model loading from disk): the reply shows a live "waiting for first
// token — N s" so the user can judge when to stop, and Stop works while waiting.
import { expect, test } from 'vitest';
import { screenshot } from './harness';
import { addOllamaThroughForm, useLocalOllama } from './local-ollama-fixture';

const setup = useLocalOllama({ tokens: ['Finally', ' here.'], firstByteDelayMs: 20_000 });

test('shows a ticking "waiting for first token" while a slow server has not answered, and Stop ends it', async () => {
  const { ollama, harness, browser } = setup;
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(harness.url);
  await addOllamaThroughForm(page, 'Slow Ollama', ollama.origin);

  await page.getByRole('button', { name: 'Chat', exact: true }).click();
  await page.getByRole('button', { name: /^Model: llama3\.2:3b/ }).waitFor();
  const composer = page.getByRole('textbox', { name: 'Message', exact: true });
  await composer.fill('Are you there?');
  await composer.press('Enter');

  const reply = page.locator('article.message.assistant').last();
  await reply.getByText(/waiting for first token — 0 s/).waitFor();
  await reply.getByText(/waiting for first token — [2-9] s/).waitFor({ timeout: 10_000 });
  await screenshot(page, 'first-token-wait');
  await reply.getByRole('button', { name: 'Stop' }).click();
  await expect.poll(() => reply.getAttribute('data-status'), { timeout: 10_000 }).not.toBe('streaming');
  expect(await reply.getByText(/waiting for first token/).count()).toBe(0);
});
