// The setup most end-to-end tests share: a fake Ollama on loopback, the harness serving the real
// renderer and engine, one Chromium — started before the file's tests, stopped after — and the
// way a person adds that Ollama: through the "Add a connection" form.
import { afterAll, beforeAll, beforeEach, onTestFailed } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startFake, type FakeBehaviour, type FakeServer } from '../fakes/index';
import { launchBrowser, screenshot, startHarness, type Harness } from './harness';

export interface LocalOllamaSetup {
  readonly ollama: FakeServer;
  readonly harness: Harness;
  readonly browser: Browser;
}

/** Registers beforeAll/afterAll for a fake Ollama serving `behaviour`, the harness and a browser. */
export function useLocalOllama(behaviour: FakeBehaviour): LocalOllamaSetup {
  let ollama: FakeServer | undefined;
  let harness: Harness | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    ollama = await startFake('ollama', { models: ['llama3.2:3b'], ...behaviour });
    harness = await startHarness();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await harness?.stop();
    await ollama?.close();
  });
  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is not started: use it inside a test`);
    return value;
  };
  return {
    get ollama() {
      return started(ollama, 'the fake Ollama');
    },
    get harness() {
      return started(harness, 'the harness');
    },
    get browser() {
      return started(browser, 'the browser');
    },
  };
}

/** Adds an Ollama connection as a person does: "Add a connection", fill the form, Save and test. */
export async function addOllamaThroughForm(page: Page, name: string, baseUrl: string): Promise<void> {
  // "Add a connection" on the welcome screen opens the form itself, not just the screen.
  await page.getByRole('button', { name: 'Add a connection' }).click();
  const form = page.getByRole('form', { name: 'Add a connection' });
  await form.getByLabel('Provider').selectOption('ollama');
  await form.getByLabel('Name').fill(name);
  await form.getByLabel(/Base URL/).fill(baseUrl);
  await form.getByRole('button', { name: 'Save and test' }).click();
  await page.getByText(/Connected in \d+ ms · 1 models?$/).waitFor();
}

/** A page on the harness (or another one) with the fake Ollama added through the bridge (for tests about other screens). */
export async function openWithOllama(setup: LocalOllamaSetup, harness: Harness = setup.harness): Promise<Page> {
  const page = await setup.browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(harness.url);
  await page.waitForFunction(() => 'enclave' in window);
  const added = await page.evaluate((baseUrl) => window.enclave.addConnection({ kind: 'ollama', name: 'Local Ollama', baseUrl }), setup.ollama.origin);
  if (!added.ok) throw new Error(`adding the fake Ollama failed: ${added.error.message}`);
  await page.reload();
  await page.getByRole('button', { name: /Model: llama3\.2:3b/ }).waitFor();
  return page;
}

/** A page from openWithOllama, opened before the file's tests; a failing test leaves the screenshot `failureShot`. */
export function useOllamaPage(setup: LocalOllamaSetup, failureShot: string): { readonly page: Page } {
  let page: Page | undefined;
  beforeAll(async () => {
    page = await openWithOllama(setup);
  }, 60_000);
  beforeEach(() => {
    onTestFailed(async () => {
      if (page) await screenshot(page, failureShot);
    });
  });
  return {
    get page() {
      if (!page) throw new Error('the page is not open: use it inside a test');
      return page;
    },
  };
}
