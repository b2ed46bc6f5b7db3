// A newcomer's first minutes: add a local Ollama, chat, see the reply stream in, reload, and find
// it still there.
import { expect, test } from 'vitest';
import { branchLength, screenshot } from './harness';
import { addOllamaThroughForm, useLocalOllama } from './local-ollama-fixture';

const setup = useLocalOllama({
  tokens: ['Hello', ' from', ' a', ' **local**', ' model', '.', '\n\n', '- one', '\n- two'],
  tokenDelayMs: 40,
});

test('adds a local Ollama, streams a reply token by token, and keeps it after a reload', async () => {
  const { ollama, harness, browser } = setup;
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(harness.url);
  await page.getByRole('heading', { name: 'Welcome to Enclave' }).waitFor();
  await screenshot(page, 'onboarding');

  // The welcome screen names the same demo command as the README.
  await page.getByText('npm start -- --demo').waitFor();
  await addOllamaThroughForm(page, 'My Ollama', ollama.origin);
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
  const { ollama, harness, browser } = setup;
  ollama.setBehaviour({ tokens: ['Instant', ' answer.'], tokenDelayMs: 0 });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(harness.url);
  await page.getByRole('button', { name: /^Model: llama3\.2:3b/ }).waitFor();
  const composer = page.getByRole('textbox', { name: 'Message', exact: true });
  for (const [i, text] of ['one', 'two', 'three'].entries()) {
    await composer.fill(text);
    await composer.press('Enter');
    // This turn's own reply, not the previous one that is already complete.
    await expect.poll(() => branchLength(page), { timeout: 15_000 }).toBe(2 * (i + 1));
    await expect.poll(() => page.locator('article.message.assistant').last().getAttribute('data-status'), { timeout: 15_000 }).toBe('complete');
    await expect.poll(() => composer.inputValue(), { timeout: 15_000 }).toBe('');
  }
  expect(await page.locator('article.message.assistant[data-status="streaming"]').count()).toBe(0);
  expect(await page.getByRole('button', { name: /Stop/ }).count()).toBe(0);
  await page.close();
});

test('one send is one call: the reply arrives on the event stream, and nothing is re-read', async () => {
  const { ollama, harness, browser } = setup;
  ollama.setBehaviour({ tokens: ['Counted', ' and', ' done.'], tokenDelayMs: 60 });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const made: string[] = [];
  await page.route('**/__harness/call/*', (route) => {
    made.push(new URL(route.request().url()).pathname.split('/').pop()!);
    return route.continue();
  });
  await page.goto(harness.url);
  await page.getByRole('button', { name: /^Model: llama3\.2:3b/ }).waitFor();
  // The lock screen's own poll runs on a timer, whatever the user does: it is not part of a send.
  const turnCalls = () => made.filter((name) => name !== 'getLockState');
  const composer = page.getByRole('textbox', { name: 'Message', exact: true });
  const sendAndWait = async (text: string) => {
    const messages = await branchLength(page);
    made.length = 0;
    await composer.fill(text);
    await composer.press('Enter');
    await expect.poll(() => branchLength(page), { timeout: 15_000 }).toBe(messages + 2);
    await expect.poll(() => page.locator('article.message.assistant').last().getAttribute('data-status'), { timeout: 15_000 }).toBe('complete');
    expect(await page.locator('article.message.assistant').last().locator('.message-body').innerText()).toBe('Counted and done.');
    return turnCalls();
  };

  // A new conversation: create it, send; the chat header reads the new conversation's fallback chain.
  await page.getByRole('button', { name: '+ New chat' }).click();
  expect((await sendAndWait('count the first')).sort()).toEqual(['createConversation', 'getFallbackChain', 'sendMessage']);
  // The conversation is open now: one call.
  expect(await sendAndWait('count the second')).toEqual(['sendMessage']);
  // The sidebar learned of the conversation from the stream, titled by its first message.
  await page.locator('[data-conv-row]').filter({ hasText: 'count the first' }).waitFor();
  await page.close();
});

test('sidebar rows have a context menu; New chat stores nothing until the first message; the system prompt is visible and editable', async () => {
  const { ollama, harness, browser } = setup;
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(harness.url);
  const rows = page.locator('[data-conv-row]');
  await rows.first().waitFor();
  const before = await rows.count();

  // New chat twice: a blank chat, and no pile of empty entries.
  await page.getByRole('button', { name: '+ New chat' }).click();
  await page.getByRole('button', { name: '+ New chat' }).click();
  await page.getByRole('heading', { name: 'New chat' }).waitFor();
  expect(await rows.count()).toBe(before);

  // Right-click a row: its actions in a menu; Rename from there.
  await page.locator('button.conv-title', { hasText: 'Say hello' }).first().click({ button: 'right' });
  const menu = page.getByRole('menu', { name: /Actions for Say hello/ });
  await menu.waitFor();
  expect(await menu.getByRole('menuitem').allInnerTexts()).toEqual(['Open', 'Rename', 'Pin to the top', 'Delete']);
  await screenshot(page, 'sidebar-context-menu');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  const title = page.getByRole('textbox', { name: 'Conversation title' });
  await title.fill('Greetings');
  await title.press('Enter');
  await page.locator('button.conv-title', { hasText: 'Greetings' }).waitFor();
  expect(await menu.count()).toBe(0);

  // The system prompt under the title: none yet, then set here and shown.
  await page.locator('button.conv-title', { hasText: 'Greetings' }).click();
  const bar = page.getByLabel('System prompt', { exact: true });
  await bar.getByText('none').waitFor();
  await bar.getByRole('button', { name: 'Add' }).click();
  await page.getByLabel('System prompt for this conversation').fill('Answer in one short sentence.');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByLabel('System prompt', { exact: true }).getByText('Answer in one short sentence.').waitFor();
  await screenshot(page, 'chat-system-prompt');
  await page.getByRole('textbox', { name: 'Message', exact: true }).fill('And again');
  await page.getByRole('textbox', { name: 'Message', exact: true }).press('Enter');
  await expect.poll(() => ollama.requests.filter((r) => r.path === '/api/chat').at(-1)?.rawBody ?? '', { timeout: 15_000 }).toContain('Answer in one short sentence.');
  // Each reply carries its own numbers.
  await page.locator('article.message.assistant .reply-stats').last().waitFor();
  expect(await page.locator('article.message.assistant .reply-stats').last().innerText()).toMatch(/^~?\d+ tokens? · (\d+(\.\d)? tok\/s · )?\d+(\.\d)? m?s$/);
  await page.close();
});
