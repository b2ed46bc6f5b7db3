// Electron entry: one instance, a start-up self-check, then one locked-down window on
// app://enclave with the engine in this process. A failed check shows a page saying what to do.
import { app, BrowserWindow, dialog, session, shell } from 'electron';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createCore, type Core } from '../core/app';
import { failurePageHtml, failureText } from '../core/startup/failure-page';
import { startFailureProblem } from '../core/startup/database-key-problem';
import type { StartupProblem } from '../core/startup/self-check';
import { answerPassphraseForm, createPassphraseGate, initialDatabaseKey } from '../core/startup/passphrase-gate';
import { OPENING_PAGE_HTML, PASSPHRASE_FORM_PATH, passphrasePageHtml } from '../core/startup/passphrase-form';
import type { DataDirLock } from '../core/startup/data-dir-lock';
import type { ResolvedKey } from '../core/store/database-key';
import { prepareStartup } from '../core/startup/startup';
import { createVault, keyOnlyVault, probeKeychain } from '../core/vault/vault';
import { createSettingsHintStore } from '../core/vault/settings-hints';
import { installAppMenu } from './app-menu';
import { createElectronSettings } from './electron-settings';
import { registerIpc } from './ipc';
import { saveDialogChooser } from './save-dialog';
import { lockdownContents, lockdownSession } from './lockdown';
import { registerAppScheme, serveRenderer, serveStartupFailure, serveStartupPassphrase } from './protocol';
import { APP_ORIGIN, isOpenableExternalUrl, SECURE_WEB_PREFERENCES } from './security-policy';
import { MIN_SIZE } from './window-bounds';
import { loadWindowState, rememberWindowState } from './window-state';

const log = (message: string) => console.error(message);
let win: BrowserWindow | undefined;
let core: Core | undefined;

async function confirmOpen(url: string): Promise<boolean> {
  if (!isOpenableExternalUrl(url) || !win) return false;
  const { response } = await dialog.showMessageBox(win, {
    type: 'question',
    buttons: ['Open in browser', 'Cancel'],
    defaultId: 1,
    cancelId: 1,
    message: 'Open this address in your browser?',
    detail: url,
  });
  if (response !== 0) return false;
  await shell.openExternal(url);
  return true;
}

function appIcon(): string | undefined {
  const icon = app.isPackaged ? join(process.resourcesPath, 'icon.png') : join(app.getAppPath(), 'build/icon.png');
  return existsSync(icon) ? icon : undefined;
}

function openWindow(userData: string): BrowserWindow {
  const state = loadWindowState(userData);
  const icon = appIcon();
  const w = new BrowserWindow({
    ...state.bounds,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    title: 'Enclave',
    show: false,
    ...(icon ? { icon } : {}),
    webPreferences: { ...SECURE_WEB_PREFERENCES, preload: join(import.meta.dirname, 'preload.cjs') },
  });
  if (state.maximized) w.maximize();
  rememberWindowState(w, userData, log);
  w.once('ready-to-show', () => w.show());
  return w;
}

async function showFailure(problems: StartupProblem[]): Promise<void> {
  log(`[enclave] start-up refused:\n${failureText(problems)}`);
  serveStartupFailure(failurePageHtml(problems));
  win ??= openWindow(app.getPath('userData'));
  await win.loadURL(`${APP_ORIGIN}/index.html`);
}

async function start(): Promise<void> {
  lockdownSession(session.defaultSession, log);
  installAppMenu();
  const dataDir = app.getPath('userData');
  // The window's renderer process starts while the self-check, the key and the engine do; the
  // window stays hidden until its page has painted (ready-to-show).
  win ??= openWindow(dataDir);
  const startup = await prepareStartup({ dataDir, keychain: () => probeKeychain() });
  if (startup.kind === 'refused') return showFailure(startup.problems);
  const keyVault = keyOnlyVault();
  const initial = await initialDatabaseKey({ dataDir, vault: keyVault });
  if (initial.kind === 'key') return openApp(dataDir, startup.lock, initial.key);
  if (initial.kind === 'failed') {
    startup.lock.release();
    throw initial.error;
  }
  // No keychain: the start-up page asks for the passphrase; the right one opens the app in this window.
  const gate = createPassphraseGate({ dataDir, vault: keyVault });
  const page = (message?: string) => passphrasePageHtml({ firstRun: gate.firstRun(), action: PASSPHRASE_FORM_PATH, ...(message ? { message } : {}) });
  let opening = false;
  serveStartupPassphrase(page, async (body) => {
    if (opening) return OPENING_PAGE_HTML; // a second press while the engine opens
    const answer = await answerPassphraseForm(gate, body);
    if (!answer.ok) return page(answer.message);
    if (opening) return OPENING_PAGE_HTML;
    opening = true;
    setImmediate(() => void openApp(dataDir, startup.lock, answer.key).catch(startFailed));
    return OPENING_PAGE_HTML;
  });
  win ??= openWindow(dataDir);
  await win.loadURL(`${APP_ORIGIN}/index.html`);
}

async function openApp(dataDir: string, lock: DataDirLock, databaseKey: ResolvedKey): Promise<void> {
  serveRenderer(join(import.meta.dirname, '../dist/renderer'));
  const settings = await createElectronSettings();
  core = await createCore({
    dataDir,
    settings,
    vault: createVault({ hints: createSettingsHintStore(settings) }),
    version: app.getVersion(),
    openExternal: confirmOpen,
    chooseSavePath: saveDialogChooser({
      showSaveDialog: (options) => (win ? dialog.showSaveDialog(win, options) : dialog.showSaveDialog(options)),
      downloadsFolder: () => app.getPath('downloads'),
    }),
    showItemInFolder: (path) => shell.showItemInFolder(path),
    log,
    lock,
    databaseKey,
  });
  registerIpc(core, () => win?.webContents, log);
  win ??= openWindow(dataDir);
  await win.loadURL(`${APP_ORIGIN}/index.html`);
}

function startFailed(error: unknown): void {
  void showFailure([startFailureProblem(error)]);
}

if (!app.requestSingleInstanceLock()) {
  // Another Enclave owns this profile: it receives 'second-instance' and comes to the front.
  app.quit();
} else {
  app.enableSandbox();
  registerAppScheme();
  app.on('web-contents-created', (_event, contents) => lockdownContents(contents, log));
  app.on('second-instance', () => {
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
  });
  app.whenReady().then(start).catch(startFailed);
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', (event) => {
    if (!core) return;
    event.preventDefault();
    const closing = core;
    core = undefined;
    void closing.close().finally(() => app.exit(0));
  });
}
