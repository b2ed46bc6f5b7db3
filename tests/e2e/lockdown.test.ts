// The renderer cannot reach the network on its own: in the harness page, every way a web page
// can make a request (fetch, images, WebSocket, EventSource, beacons, CSS, popups) is aimed at a
// loopback "collector", and the collector must see nothing. Model output with a remote image
// must not load it either.
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startFake, type FakeServer } from '../fakes/index';
import { launchBrowser, screenshot, startHarness, type Harness } from './harness';

let collector: Server;
let collectorOrigin: string;
const hits: string[] = [];
let ollama: FakeServer;
let harness: Harness;
let browser: Browser;

beforeAll(async () => {
  collector = createServer((req, res) => {
    hits.push(`${req.method} ${req.url}`);
    res.writeHead(200, { 'content-type': 'image/png', 'access-control-allow-origin': '*' });
    res.end();
  });
  collector.on('upgrade', (req, socket) => {
    hits.push(`UPGRADE ${req.url}`);
    socket.destroy();
  });
  await new Promise<void>((r) => collector.listen(0, '127.0.0.1', r));
  const address = collector.address();
  collectorOrigin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  ollama = await startFake('ollama', {
    tokens: ['Here is a chart:\n\n', `![x](${collectorOrigin}/p.png)`, '\n\nand a tracker ', `<img src="${collectorOrigin}/html.png">`, ' done.'],
    models: ['llama3.2:3b'],
  });
  harness = await startHarness();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await harness?.stop();
  await ollama?.close();
  await new Promise<void>((r) => collector.close(() => r()));
});

/** Counts CSP violations in the page so the test can wait for each attempt to be blocked. */
async function watchViolations(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __violations: string[] };
    w.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__violations.push(`${e.effectiveDirective} ${e.blockedURI}`));
  });
}
const violations = (page: Page) => page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);

test('the page cannot contact another loopback server by any web API', async () => {
  const page = await browser.newPage();
  const popups: string[] = [];
  page.on('popup', (p) => popups.push(p.url()));
  await page.goto(harness.url);
  await page.getByRole('heading', { name: 'Welcome to Enclave' }).waitFor();
  await watchViolations(page);

  const attempts = await page.evaluate(async (origin) => {
    const results: Record<string, string> = {};
    const attempt = async (name: string, run: () => unknown) => {
      try {
        await run();
        results[name] = 'no error';
      } catch (err) {
        results[name] = err instanceof Error ? err.name : String(err);
      }
    };
    await attempt('fetch', () => fetch(`${origin}/fetch`));
    await attempt('fetch-no-cors', () => fetch(`${origin}/fetch-no-cors`, { mode: 'no-cors' }));
    await attempt('img', () => {
      const img = document.createElement('img');
      img.src = `${origin}/img.png`;
      document.body.append(img);
    });
    await attempt('websocket', () => new WebSocket(`${origin.replace('http', 'ws')}/ws`));
    await attempt('eventsource', () => new EventSource(`${origin}/sse`));
    await attempt('beacon', () => {
      if (!navigator.sendBeacon(`${origin}/beacon`, 'x')) throw new Error('beacon refused');
    });
    await attempt('css', () => {
      const div = document.createElement('div');
      div.style.cssText = `width:10px;height:10px;background-image:url("${origin}/css.png")`;
      document.body.append(div);
      const style = document.createElement('style');
      style.textContent = `body::after{content:"";background:url("${origin}/sheet.png")}`;
      document.head.append(style);
    });
    await attempt('window.open', () => {
      if (window.open(`${origin}/popup`) === null) throw new Error('popup blocked');
    });
    return results;
  }, collectorOrigin);

  // Wait until the page itself reports each attempt blocked, then check the collector.
  await expect.poll(async () => (await violations(page)).length, { timeout: 10_000 }).toBeGreaterThanOrEqual(7);
  expect(attempts).toBeDefined();
  expect(popups.filter((u) => u.startsWith(collectorOrigin))).toEqual([]);
  expect(hits).toEqual([]);
  await page.close();
});

test('a model answer with a remote image does not load it', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(harness.url);
  await page.evaluate(async (baseUrl) => {
    await window.enclave.addConnection({ kind: 'ollama', name: 'Ollama', baseUrl });
  }, ollama.origin);
  await page.reload();
  await watchViolations(page);
  await page.getByRole('button', { name: /^Model: llama3\.2:3b/ }).waitFor();
  await page.getByRole('textbox', { name: 'Message', exact: true }).fill('Show me a chart');
  await page.getByRole('textbox', { name: 'Message', exact: true }).press('Enter');
  const reply = page.locator('article.message.assistant').last();
  await expect.poll(() => reply.getAttribute('data-status'), { timeout: 15_000 }).toBe('complete');
  await reply.getByText('done.').waitFor();
  await screenshot(page, 'lockdown-remote-image');

  expect(await reply.locator(`img[src^="${collectorOrigin}"]`).count()).toBe(0);
  expect(hits).toEqual([]);
  await page.close();
});
