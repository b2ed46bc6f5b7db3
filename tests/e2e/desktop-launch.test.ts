// The real desktop app: launches the built Electron app with playwright-core's _electron, checks
// the window's security (CSP, context isolation, sandbox, no Node in the page) and chats with a
// local Ollama fake. Runs wherever Electron's binary is installed; where it is not (its download
// host is unreachable on the build machine) it prints one line saying so and reports skipped.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, type ElectronApplication } from 'playwright-core';
import { afterAll, expect, test } from 'vitest';
import { RENDERER_CSP } from '../../electron/main/security-policy';
import { addOllamaThroughForm } from './local-ollama-fixture';
import { startFake, type FakeServer } from '../fakes/index';
import { screenshot } from './harness';

function electronBinary(): string | undefined {
  const pathFile = 'node_modules/electron/path.txt';
  if (!existsSync(pathFile)) return undefined;
  const bin = join('node_modules/electron/dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(bin) ? bin : undefined;
}

const binary = electronBinary();
const noDisplay = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
const whyNot = !binary
  ? "Electron's binary is not installed here (node node_modules/electron/install.js could not download it)"
  : noDisplay
    ? 'there is no display (run it under xvfb-run)'
    : undefined;
if (whyNot) console.log(`[desktop-launch] The desktop launch test did NOT run: ${whyNot}. Reported as skipped.`);

let app: ElectronApplication | undefined;
let ollama: FakeServer | undefined;
afterAll(async () => {
  await app?.close();
  await ollama?.close();
});

test.skipIf(whyNot !== undefined)('the built app opens a locked-down window and chats with a local model', { timeout: 180_000 }, async () => {
  execFileSync(process.execPath, ['scripts/build-electron.mjs'], { stdio: 'ignore' }); // the renderer is built by global-setup
  ollama = await startFake('ollama', { tokens: ['Hello', ' from', ' the', ' desktop', '.'], tokenDelayMs: 20, models: ['llama3.2:3b'] });
  const home = mkdtempSync(join(tmpdir(), 'enclave-desktop-'));
  app = await electron.launch({
    executablePath: binary!,
    args: ['.'],
    // A private profile: userData (~/.config/enclave) is the test's own.
    env: { ...process.env, HOME: home, XDG_CONFIG_HOME: join(home, '.config') },
    timeout: 60_000,
  });
  const page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
  expect(page.url()).toBe('app://enclave/index.html');

  const csp = await app.evaluate(async ({ net }) => (await net.fetch('app://enclave/index.html')).headers.get('content-security-policy'));
  expect(csp).toBe(RENDERER_CSP);
  await expect(page.evaluate(() => eval('1 + 1'))).rejects.toThrow(/unsafe-eval|Content Security Policy|EvalError/);

  const prefs = await app.evaluate(({ BrowserWindow }) => {
    // Electron's own specs read the live preferences this way; it is not in electron.d.ts.
    const wc = BrowserWindow.getAllWindows()[0]!.webContents as unknown as { getLastWebPreferences(): Record<string, unknown> | null };
    const p = wc.getLastWebPreferences();
    return { contextIsolation: p?.contextIsolation, sandbox: p?.sandbox, nodeIntegration: p?.nodeIntegration, webviewTag: p?.webviewTag };
  });
  expect(prefs).toEqual({ contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false });
  const globals = await page.evaluate(() => ({
    require: typeof (window as unknown as { require?: unknown }).require,
    process: typeof (window as unknown as { process?: unknown }).process,
    module: typeof (window as unknown as { module?: unknown }).module,
    enclave: typeof (window as unknown as { enclave?: unknown }).enclave,
  }));
  expect(globals).toEqual({ require: 'undefined', process: 'undefined', module: 'undefined', enclave: 'object' });

  await addOllamaThroughForm(page, 'My Ollama', ollama.origin);
  await page.getByRole('button', { name: 'Chat', exact: true }).click();
  await page.getByRole('button', { name: /^Model: llama3\.2:3b/ }).waitFor();
  const composer = page.getByRole('textbox', { name: 'Message', exact: true });
  await composer.fill('Say hello');
  await composer.press('Enter');
  const reply = page.locator('article.message.assistant').last();
  await reply.getByText('Hello from the desktop.').waitFor();
  await expect.poll(() => reply.getAttribute('data-status')).toBe('complete');
  await screenshot(page, 'desktop-chat');
  expect(JSON.stringify(ollama.requests.find((r) => r.path === '/api/chat')?.body)).toContain('Say hello');
});
