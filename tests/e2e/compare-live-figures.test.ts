// Compare's live figures are the final ones (issue 20: "every pane showed the same live TTFT").
// Two local servers wait different times before their first token; while both still write, each
// pane shows its own first-token time, and when they finish that number does not move. The speed
// read near the end of the stream is the speed shown once it ended.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startFake, type FakeServer } from '../fakes/index';
import { launchBrowser, screenshot, startHarness, type Harness } from './harness';

const TEXT = 'Each pane is timed by the engine as the bytes arrive, so the figure you watch is the figure that stays.';
/** Four-character pieces, about what a real tokenizer makes of English: the live estimate (chars / 4) counts them right. */
const pieces = (text: string) => text.match(/.{1,4}/gs)!;
const RATE = 12;

let quick: FakeServer;
let slow: FakeServer;
let harness: Harness;
let browser: Browser;

beforeAll(async () => {
  [quick, slow] = await Promise.all([
    startFake('ollama', { tokens: pieces(TEXT), tokensPerSecond: RATE, firstByteDelayMs: 250, models: ['llama3.2:3b'] }),
    startFake('ollama', { tokens: pieces(TEXT), tokensPerSecond: RATE, firstByteDelayMs: 1400, models: ['qwen3:8b'] }),
  ]);
  harness = await startHarness();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await harness?.stop();
  await Promise.all([quick, slow].map((f) => f?.close()));
});

async function addConnection(page: Page, input: { kind: 'ollama'; name: string; baseUrl: string }): Promise<string> {
  const result = await page.evaluate((req) => window.enclave.addConnection(req), input);
  if (!result.ok) throw new Error(`addConnection failed: ${result.error.message}`);
  return (result.value as { id: string }).id;
}

const pane = (page: Page, n: number) => page.locator(`#compare-pane-${n}`);
const metric = (page: Page, n: number, name: string) => pane(page, n).locator(`[data-metric="${name}"]`).innerText();
const ms = (shown: string) => (shown.endsWith(' ms') ? Number.parseFloat(shown) : Number.parseFloat(shown) * 1000);

test('each pane shows its own first-token time while it streams, and that is the final figure', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
  await page.goto(harness.url);
  await page.waitForFunction(() => typeof window.enclave?.addConnection === 'function');
  const ids = [
    [await addConnection(page, { kind: 'ollama', name: 'Quick Ollama', baseUrl: quick.origin }), 'llama3.2:3b'],
    [await addConnection(page, { kind: 'ollama', name: 'Slow Ollama', baseUrl: slow.origin }), 'qwen3:8b'],
  ] as const;
  await page.reload();
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  const add = page.getByLabel('Add a model to compare');
  for (const [connectionId, modelId] of ids) {
    const value = JSON.stringify([connectionId, modelId]);
    await expect.poll(() => add.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))).toContain(value);
    await add.selectOption(value);
  }
  await page.getByLabel('Prompt', { exact: true }).fill('Are the live figures honest?');
  await page.getByLabel('Prompt', { exact: true }).press('Control+Enter');

  // Both panes have their first token and are still writing.
  await expect.poll(() => metric(page, 2, 'first-token'), { timeout: 15_000 }).not.toBe('—');
  expect(await pane(page, 1).getAttribute('data-status')).toBe('streaming');
  expect(await pane(page, 2).getAttribute('data-status')).toBe('streaming');
  const liveFirst = [await metric(page, 1, 'first-token'), await metric(page, 2, 'first-token')];
  // Most of the text is in: the live speed has had time to settle.
  await expect.poll(async () => (await pane(page, 2).locator('.cmp-pane-body').innerText()).length, { timeout: 15_000 }).toBeGreaterThan(TEXT.length * 0.8);
  const liveRate = [await metric(page, 1, 'rate'), await metric(page, 2, 'rate')];
  await screenshot(page, 'compare-live-figures');

  for (const n of [1, 2]) await expect.poll(() => pane(page, n).getAttribute('data-status'), { timeout: 15_000 }).toBe('done');
  const finalFirst = [await metric(page, 1, 'first-token'), await metric(page, 2, 'first-token')];
  const finalRate = [await metric(page, 1, 'rate'), await metric(page, 2, 'rate')];
  console.log(`live first token ${JSON.stringify(liveFirst)} final ${JSON.stringify(finalFirst)}; live rate ${JSON.stringify(liveRate)} final ${JSON.stringify(finalRate)}`);

  // Different servers, different first tokens, each about its server's wait...
  expect(ms(liveFirst[0]!)).toBeGreaterThanOrEqual(250);
  expect(ms(liveFirst[1]!)).toBeGreaterThanOrEqual(1400);
  expect(ms(liveFirst[1]!) - ms(liveFirst[0]!)).toBeGreaterThan(900);
  // ...and the live figure is the final one, to the digit shown.
  expect(finalFirst).toEqual(liveFirst);
  // The speed does not jump at the end (within a tenth: the last pieces arrive after the reading).
  for (const n of [0, 1]) {
    const live = Number.parseFloat(liveRate[n]!);
    const final = Number.parseFloat(finalRate[n]!);
    expect(Math.abs(live - final) / final).toBeLessThan(0.1);
    expect(final).toBeGreaterThan(RATE * 0.8);
    expect(final).toBeLessThan(RATE * 1.2);
  }
  await screenshot(page, 'compare-live-figures-final');
  await page.close();
});
