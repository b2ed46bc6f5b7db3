// The everyday chat experience, driven from the keyboard where a person would: the command
// palette, the model picker, stopping and editing, themes that survive a reload, attachments.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startFake, type FakeServer } from '../fakes/index';
import { launchBrowser, screenshot, startHarness, type Harness } from './harness';

// A 1×1 PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

let ollama: FakeServer;
let harness: Harness;
let browser: Browser;
let page: Page;

const htmlTheme = () => page.evaluate(() => document.documentElement.dataset.theme);
const messageBox = () => page.getByRole('textbox', { name: 'Message', exact: true });
const lastAssistant = () => page.locator('article.message.assistant').last();
const chatRequests = () => ollama.requests.filter((r) => r.path === '/api/chat');

beforeAll(async () => {
  ollama = await startFake('ollama', { tokens: ['Hi', ' there', '.'], models: ['llava:7b', 'llama3.2:3b', 'qwen3:8b'] });
  harness = await startHarness();
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(harness.url);
  // The connection is set up through the bridge: connections have their own tests.
  const added = await page.evaluate(
    (baseUrl) => (window as unknown as { enclave: { addConnection(r: object): Promise<{ ok: boolean }> } }).enclave.addConnection({ kind: 'ollama', name: 'Home Ollama', baseUrl }),
    ollama.origin,
  );
  expect(added.ok).toBe(true);
  await page.reload();
  await page.getByRole('button', { name: /^Model: llava:7b/ }).waitFor();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await harness?.stop();
  await ollama?.close();
});

test('the model picker filters as you type, stars a favourite and chooses with Enter', async () => {
  await page.getByRole('button', { name: /^Model:/ }).click();
  const search = page.getByRole('combobox', { name: 'Search models' });
  await expect.poll(() => search.evaluate((el) => el === document.activeElement)).toBe(true);
  const list = page.getByRole('listbox', { name: 'Models' });
  await expect.poll(() => list.getByRole('option').count()).toBe(3);
  await page.getByRole('button', { name: 'Add qwen3:8b to favourites' }).click();
  await page
    .getByRole('group', { name: 'Favourites' })
    .getByRole('option', { name: /qwen3:8b/ })
    .waitFor();
  await screenshot(page, 'picker-light');

  await search.fill('llama3');
  await expect.poll(() => list.getByRole('option').count()).toBe(1);
  await search.press('Enter');
  await page.getByRole('button', { name: /^Model: llama3\.2:3b/ }).waitFor();
  expect(await list.count()).toBe(0);

  await page.getByRole('button', { name: /^Model:/ }).click();
  await search.fill('llava');
  await search.press('ArrowDown');
  await search.press('Enter');
  await page.getByRole('button', { name: /^Model: llava:7b/ }).waitFor();
});

test('the command palette opens with Ctrl+K and runs a command', async () => {
  await messageBox().focus();
  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  await palette.waitFor();
  await page.keyboard.type('go to sett');
  await expect.poll(() => palette.getByRole('option').allInnerTexts()).toEqual(['Go to Settings']);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
  expect(await palette.count()).toBe(0);
});

test('choosing the dark theme sets data-theme and survives a reload', async () => {
  await screenshot(page, 'settings-light');
  await page.getByRole('radiogroup', { name: 'Theme' }).getByText('Dark', { exact: true }).click();
  await expect.poll(htmlTheme).toBe('dark');
  await page.reload();
  await page
    .getByRole('button', { name: /^Model:/ })
    .or(page.getByRole('heading', { name: 'Settings' }))
    .first()
    .waitFor();
  expect(await htmlTheme()).toBe('dark');
  await page.keyboard.press('Control+k');
  await page.keyboard.type('settings');
  await page.keyboard.press('Enter');
  await expect.poll(() => page.getByRole('radio', { name: 'Dark', exact: true }).isChecked()).toBe(true);
  await screenshot(page, 'settings-dark');

  await page.keyboard.press('Control+k');
  await page.getByRole('dialog', { name: 'Command palette' }).waitFor();
  await page.keyboard.type('theme');
  await screenshot(page, 'palette-dark');
  await page.keyboard.press('Escape');
  expect(await page.getByRole('dialog', { name: 'Command palette' }).count()).toBe(0);
});

test('Esc stops a slow reply and keeps what arrived', async () => {
  ollama.setBehaviour({ tokens: Array.from({ length: 200 }, (_, i) => ` word${i}`), tokenDelayMs: 100, models: ['llava:7b', 'llama3.2:3b', 'qwen3:8b'] });
  await page.keyboard.press('Control+k');
  await page.keyboard.type('go to chat');
  await page.keyboard.press('Enter');
  await messageBox().fill('Tell me a long story');
  await messageBox().press('Enter');
  await lastAssistant().getByText('word2').waitFor();
  await page.keyboard.press('Escape');
  await expect.poll(() => lastAssistant().getAttribute('data-status'), { timeout: 10_000 }).toBe('interrupted');
  const text = await lastAssistant().locator('.message-body').innerText();
  expect(text).toContain('word1');
  expect(text).not.toContain('word199');
  await expect.poll(() => ollama.closedEarly).toBeGreaterThan(0);
  await screenshot(page, 'chat-dark');
});

test('Up in the empty message box edits the last message and sends it as a new branch', async () => {
  ollama.setBehaviour({ tokens: ['Short', ' story.'], models: ['llava:7b', 'llama3.2:3b', 'qwen3:8b'] });
  const box = messageBox();
  await box.focus();
  await box.press('ArrowUp');
  expect(await box.inputValue()).toBe('Tell me a long story');
  await page.getByText('Editing your message').waitFor();
  await box.fill('Tell me a short story');
  await box.press('Enter');
  const user = page.locator('article.message.user').last();
  await user.getByText('Tell me a short story').waitFor();
  await user.getByLabel('Versions').getByText('2/2').waitFor();
  await expect.poll(() => lastAssistant().getAttribute('data-status')).toBe('complete');
  const sent = JSON.stringify(chatRequests().at(-1)?.body);
  expect(sent).toContain('Tell me a short story');
  expect(sent).not.toContain('Tell me a long story');
});

test('a preset from Settings sets the system prompt and temperature the model receives', async () => {
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  await page.getByRole('button', { name: '+ New preset' }).click();
  const form = page.getByRole('form', { name: 'New preset' });
  await form.getByLabel('Name').fill('Pirate');
  await form.getByLabel('System prompt').fill('Answer like a pirate.');
  await form.getByLabel(/Temperature/).fill('3');
  await form.getByRole('button', { name: 'Save preset' }).click();
  await form
    .getByRole('alert')
    .getByText(/Temperature is a number from 0 to 2/)
    .waitFor();
  await form.getByLabel(/Temperature/).fill('0.2');
  await form.getByRole('button', { name: 'Save preset' }).click();
  await page.getByRole('button', { name: 'Edit preset Pirate' }).waitFor();
  await page.getByRole('button', { name: 'Export as JSON' }).click();
  expect(JSON.parse(await page.getByLabel('Presets as JSON').inputValue())).toMatchObject({
    presets: [{ name: 'Pirate', systemPrompt: 'Answer like a pirate.', temperature: 0.2 }],
  });
  await screenshot(page, 'settings-presets-dark');

  await page.getByRole('button', { name: 'Chat', exact: true }).click();
  await page.getByLabel('Preset').selectOption({ label: 'Pirate' });
  await expect.poll(() => page.getByLabel('Preset').inputValue()).not.toBe('');
  const before = chatRequests().length;
  await messageBox().fill('Ahoy?');
  await messageBox().press('Enter');
  await page.locator('article.message.user').last().getByText('Ahoy?').waitFor();
  await expect.poll(() => chatRequests().length).toBe(before + 1);
  await expect.poll(() => lastAssistant().getAttribute('data-status')).toBe('complete');
  const sent = JSON.stringify(chatRequests().at(-1)?.body);
  expect(sent).toContain('Answer like a pirate.');
  expect(sent).toContain('"temperature":0.2');
});

test('an attached image reaches a vision model', async () => {
  await page.keyboard.press('Control+k');
  await page.keyboard.type('light theme');
  await page.keyboard.press('Enter');
  await expect.poll(htmlTheme).toBe('light');
  ollama.setBehaviour({ visionCheck: true, models: ['llava:7b', 'llama3.2:3b', 'qwen3:8b'] });
  await page.keyboard.press('Control+Shift+O');
  await expect.poll(() => page.locator('article.message').count()).toBe(0);
  await page.getByTestId('attach-input').setInputFiles({ name: 'cat.png', mimeType: 'image/png', buffer: PNG });
  const chips = page.getByRole('list', { name: 'Attachments' });
  await chips.getByText('cat.png').waitFor();
  await page.getByText(/does not know whether llava:7b reads images/).waitFor();
  await screenshot(page, 'attachments-light');
  await messageBox().fill('What is in this picture?');
  await messageBox().press('Enter');
  await lastAssistant().getByText('I can see an image.').waitFor();
  expect(chatRequests().at(-1)?.hasImage).toBe(true);
  await page.locator('article.message.user').last().getByRole('img', { name: 'cat.png' }).waitFor();
  expect(await chips.count()).toBe(0);
  await screenshot(page, 'chat-light');
});

test('a file over the size limit is refused with a clear message', async () => {
  const before = chatRequests().length;
  await page.getByTestId('attach-input').setInputFiles({ name: 'huge.png', mimeType: 'image/png', buffer: Buffer.alloc(11 * 1024 * 1024) });
  await page.getByRole('alert').getByText('huge.png is 11.0 MB; images can be at most 10.0 MB.').waitFor();
  expect(await page.getByRole('list', { name: 'Attachments' }).count()).toBe(0);
  await screenshot(page, 'attachment-too-large');
  await page.getByRole('button', { name: 'Dismiss attachment errors' }).click();
  expect(await page.getByRole('alert').filter({ hasText: 'huge.png' }).count()).toBe(0);
  expect(chatRequests().length).toBe(before);
});

test('the shortcuts sheet lists every shortcut and closes with Esc', async () => {
  await messageBox().focus();
  await page.keyboard.press('Control+/');
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await sheet.getByText('Ctrl+Shift+O').waitFor();
  await sheet.getByText('Edit your last message').waitFor();
  await screenshot(page, 'shortcuts-light');
  await page.keyboard.press('Escape');
  await expect.poll(() => sheet.count()).toBe(0);
});
