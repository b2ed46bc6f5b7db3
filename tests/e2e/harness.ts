// Starts the browser harness in a child process and Debian's Chromium through playwright-core.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

export const SCREENSHOT_DIR = join(process.cwd(), 'test-results', 'screenshots');

export interface Harness {
  url: string;
  dataDir: string;
  child: ChildProcess;
  output: () => string;
  stop(): Promise<void>;
}

export async function startHarness(opts: { dataDir?: string; args?: string[]; env?: NodeJS.ProcessEnv } = {}): Promise<Harness> {
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'enclave-e2e-'));
  // The prebuilt engine `npm start` runs (global-setup.ts builds it), not the TypeScript sources.
  const child = spawn(process.execPath, ['dist-harness/start.js', '--data-dir', dataDir, ...(opts.args ?? [])], {
    env: { ...process.env, ENCLAVE_KEYCHAIN_SERVICE: 'Enclave-test', ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL'); // never leave a half-started harness running after the test gave up
      reject(new Error(`harness did not start:\n${out}`));
    }, 90_000);
    const check = () => {
      const m = /ENCLAVE_URL=(\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    child.stdout!.on('data', check);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`harness exited with ${code}:\n${out}`));
    });
  });
  return {
    url,
    dataDir,
    child,
    output: () => out,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}

/** Debian's Chromium, headless and quiet: no background traffic of its own. */
export async function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', ...extraArgs],
  });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`) });
}

/**
 * How many messages the open branch has. The message list is virtualised (rows out of view are
 * not in the DOM), so counting articles undercounts a long conversation; the rows carry their
 * index, and after a send the list follows its end, so the newest row is rendered.
 */
export async function branchLength(page: Page): Promise<number> {
  const indexes = await page.locator('.message-row').evaluateAll((rows) => rows.map((row) => Number((row as HTMLElement).dataset.index)));
  return indexes.length === 0 ? 0 : Math.max(...indexes) + 1;
}
