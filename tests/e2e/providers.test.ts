// One conversation across four providers' wire formats (Ollama native, Anthropic Messages, Gemini,
// OpenAI Responses), switching the model between turns: each provider must receive the whole
// history in its own shape. Then one provider fails the way real ones do: a 429 with retry-after,
// and a stream cut in the middle whose partial text survives and can be continued.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import type { ProviderKind } from '../../shared/types';
import { startFake, type FakeServer, type RecordedRequest } from '../fakes/index';
import { branchLength, launchBrowser, screenshot, startHarness, type Harness } from './harness';

const hasSession = Boolean(process.env.DBUS_SESSION_BUS_ADDRESS);
const ANTHROPIC_KEY = `sk-ant-e2e-${randomBytes(8).toString('hex')}`;
const GOOGLE_KEY = `AIzaE2e${randomBytes(8).toString('hex')}`;
const OPENAI_KEY = `sk-e2e-${randomBytes(8).toString('hex')}`;

let ollama: FakeServer;
let anthropic: FakeServer;
let gemini: FakeServer;
let openai: FakeServer;
let harness: Harness;
let browser: Browser;
let page: Page;

type Turn = [role: 'user' | 'assistant', text: string];

/** What each wire format carries as the conversation, flattened to (role, text) pairs. */
const historyOf = {
  ollama(body: unknown): Turn[] {
    const b = body as { messages: { role: string; content: string }[] };
    return b.messages.map((m) => [m.role as Turn[0], m.content]);
  },
  anthropic(body: unknown): Turn[] {
    const b = body as { messages: { role: string; content: string | { type: string; text?: string }[] }[] };
    return b.messages.map((m) => [m.role as Turn[0], typeof m.content === 'string' ? m.content : m.content.map((p) => p.text ?? '').join('')]);
  },
  gemini(body: unknown): Turn[] {
    const b = body as { contents: { role: string; parts: { text?: string }[] }[] };
    // Gemini calls the assistant "model".
    return b.contents.map((c) => [c.role === 'model' ? 'assistant' : (c.role as Turn[0]), c.parts.map((p) => p.text ?? '').join('')]);
  },
  openaiResponses(body: unknown): Turn[] {
    const b = body as { input: { role?: string; content?: string | { type: string; text?: string }[] }[] };
    return b.input
      .filter((i) => i.role === 'user' || i.role === 'assistant')
      .map((i) => [i.role as Turn[0], typeof i.content === 'string' ? i.content : (i.content ?? []).map((p) => p.text ?? '').join('')]);
  },
};

const lastPost = (fake: FakeServer, path: RegExp): RecordedRequest | undefined => fake.requests.filter((r) => r.method === 'POST' && path.test(r.path)).at(-1);

async function addConnection(p: Page, c: { kind: ProviderKind; name: string; baseUrl: string; apiKey?: string }): Promise<void> {
  const result = await p.evaluate((req) => window.enclave.addConnection(req), c);
  if (!result.ok) throw new Error(result.error.message);
}

async function chooseModel(p: Page, modelId: string, connectionName: string): Promise<void> {
  await p.getByRole('button', { name: /^Model:/ }).click();
  await p.getByRole('combobox', { name: 'Search models' }).fill(`${modelId} ${connectionName}`);
  // Options show the provider's display name; the search matched the id, so take the first.
  await p.getByRole('combobox', { name: 'Search models' }).press('Enter');
  await p.getByRole('button', { name: `Model: ${modelId} via ${connectionName}` }).waitFor();
}

async function ask(p: Page, text: string): Promise<Locator> {
  const before = await branchLength(p);
  const box = p.getByRole('textbox', { name: 'Message', exact: true });
  await box.fill(text);
  await box.press('Enter');
  // The question and its reply.
  await expect.poll(() => branchLength(p)).toBe(before + 2);
  return p.locator('article.message.assistant').last();
}

async function settled(reply: Locator): Promise<string> {
  await expect.poll(() => reply.getAttribute('data-status'), { timeout: 15_000 }).not.toBe('streaming');
  return (await reply.getAttribute('data-status')) ?? '';
}

beforeAll(async () => {
  ollama = await startFake('ollama', { models: ['llama3.2:3b'], tokens: ['Ollama', ' says', ' one.'] });
  anthropic = await startFake('anthropic', { requiredKey: ANTHROPIC_KEY, models: ['claude-sonnet-4-5'], tokens: ['Claude', ' says', ' two.'] });
  gemini = await startFake('gemini', { requiredKey: GOOGLE_KEY, models: ['gemini-2.5-flash'], tokens: ['Gemini', ' says', ' three.'] });
  openai = await startFake('openai-responses', { requiredKey: OPENAI_KEY, models: ['gpt-4o-mini'], tokens: ['GPT', ' says', ' four.'] });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await harness?.stop();
  await Promise.all([ollama?.close(), anthropic?.close(), gemini?.close(), openai?.close()]);
});

describe.skipIf(!hasSession)('several providers in one conversation (run under dbus-run-session)', () => {
  test('switches between four providers in one conversation, and each receives the whole history in its own format', async () => {
    harness = await startHarness();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(harness.url);
    await addConnection(page, { kind: 'ollama', name: 'Ollama', baseUrl: ollama.baseUrl });
    await addConnection(page, { kind: 'anthropic', name: 'Claude', baseUrl: anthropic.baseUrl, apiKey: ANTHROPIC_KEY });
    await addConnection(page, { kind: 'google', name: 'Gemini', baseUrl: gemini.baseUrl, apiKey: GOOGLE_KEY });
    await addConnection(page, { kind: 'openai', name: 'OpenAI', baseUrl: openai.baseUrl, apiKey: OPENAI_KEY });
    await page.reload();
    await page.getByRole('button', { name: 'Chat', exact: true }).click();

    await chooseModel(page, 'llama3.2:3b', 'Ollama');
    const first = await ask(page, 'First question');
    expect(await settled(first)).toBe('complete');
    await first.getByText('Ollama says one.').waitFor();

    await chooseModel(page, 'claude-sonnet-4-5', 'Claude');
    const second = await ask(page, 'Second question');
    expect(await settled(second)).toBe('complete');
    await second.getByText('Claude says two.').waitFor();

    await chooseModel(page, 'gemini-2.5-flash', 'Gemini');
    const third = await ask(page, 'Third question');
    expect(await settled(third)).toBe('complete');
    await third.getByText('Gemini says three.').waitFor();

    await chooseModel(page, 'gpt-4o-mini', 'OpenAI');
    const fourth = await ask(page, 'Fourth question');
    expect(await settled(fourth)).toBe('complete');
    await fourth.getByText('GPT says four.').waitFor();
    await screenshot(page, 'providers-one-conversation');

    const history: Turn[] = [
      ['user', 'First question'],
      ['assistant', 'Ollama says one.'],
      ['user', 'Second question'],
      ['assistant', 'Claude says two.'],
      ['user', 'Third question'],
      ['assistant', 'Gemini says three.'],
      ['user', 'Fourth question'],
    ];
    const ollamaChat = lastPost(ollama, /^\/api\/chat$/);
    expect(historyOf.ollama(ollamaChat?.body).filter(([role]) => role !== ('system' as string))).toEqual(history.slice(0, 1));
    const claudeChat = lastPost(anthropic, /^\/v1\/messages$/);
    expect(historyOf.anthropic(claudeChat?.body)).toEqual(history.slice(0, 3));
    expect(claudeChat?.headers['x-api-key']).toBe(ANTHROPIC_KEY);
    const geminiChat = lastPost(gemini, /:streamGenerateContent$/);
    expect(historyOf.gemini(geminiChat?.body)).toEqual(history.slice(0, 5));
    expect(geminiChat?.headers['x-goog-api-key']).toBe(GOOGLE_KEY);
    const gptChat = lastPost(openai, /^\/v1\/responses$/);
    expect(historyOf.openaiResponses(gptChat?.body)).toEqual(history);
    expect(gptChat?.headers['authorization']).toBe(`Bearer ${OPENAI_KEY}`);
    // Each provider got its own model id, not the one before it.
    expect(claudeChat?.body).toMatchObject({ model: 'claude-sonnet-4-5', stream: true });
    expect(geminiChat?.path).toBe('/v1beta/models/gemini-2.5-flash:streamGenerateContent');
    expect(gptChat?.body).toMatchObject({ model: 'gpt-4o-mini', stream: true });
  });

  test('a rate-limited provider says so and when to retry; a cut stream keeps its partial text, and Continue appends', async () => {
    anthropic.setBehaviour({ requiredKey: ANTHROPIC_KEY, models: ['claude-sonnet-4-5'], status: 429, retryAfter: { seconds: 60 } });
    await chooseModel(page, 'claude-sonnet-4-5', 'Claude');
    const limited = await ask(page, 'Fifth question');
    expect(await settled(limited)).toBe('error');
    const notice = limited.getByRole('alert');
    await notice.getByText('Anthropic is rate-limiting requests. Try again in 60 s.').waitFor();
    // Said once, not twice.
    expect((await notice.innerText()).match(/in (about )?\d+ s/g)).toHaveLength(1);
    // Honouring a 60 s retry-after is the user's call, not a silent wait: one request, no retry.
    expect(anthropic.requests.filter((r) => r.path === '/v1/messages' && r.rawBody.includes('Fifth question'))).toHaveLength(1);
    await screenshot(page, 'providers-rate-limited');

    anthropic.setBehaviour({
      requiredKey: ANTHROPIC_KEY,
      models: ['claude-sonnet-4-5'],
      tokens: ['The', ' partial', ' answer', ' that', ' never', ' ends'],
      tokenDelayMs: 30,
      cutAfter: 3,
    });
    await limited.getByRole('button', { name: 'Retry' }).click();
    const cut = page.locator('article.message.assistant').last();
    await cut.getByText('The partial answer').waitFor();
    expect(['error', 'interrupted']).toContain(await settled(cut));
    await cut
      .getByRole('alert')
      .getByText(/dropped before the reply finished/)
      .waitFor();
    expect(await cut.locator('.message-body').innerText()).toContain('The partial answer');
    await cut.getByRole('button', { name: 'Retry' }).waitFor();
    await cut.getByRole('button', { name: 'Continue' }).waitFor();
    await cut.getByRole('button', { name: 'Continue' }).scrollIntoViewIfNeeded();
    await screenshot(page, 'providers-cut-stream');

    anthropic.setBehaviour({ requiredKey: ANTHROPIC_KEY, models: ['claude-sonnet-4-5'], tokens: [' and', ' then', ' it', ' ends.'] });
    await cut.getByRole('button', { name: 'Continue' }).click();
    await cut.getByText('The partial answer and then it ends.').waitFor();
    expect(await settled(cut)).toBe('complete');
    expect(await cut.getByRole('alert').count()).toBe(0);
    // The continuation request carried the partial answer as the assistant's last words.
    const continued = historyOf.anthropic(lastPost(anthropic, /^\/v1\/messages$/)?.body);
    expect(continued.some(([role, text]) => role === 'assistant' && text.includes('The partial answer'))).toBe(true);
    await screenshot(page, 'providers-continued');
  });
});
