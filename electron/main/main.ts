// Electron entry: one locked-down window on app://enclave, the engine in this process.
import { app, BrowserWindow, dialog, session, shell } from 'electron';
import { join } from 'node:path';
import { createCore, type Core } from '../core/app';
import { createVault } from '../core/vault/vault';
import { createSettingsHintStore } from '../core/vault/settings-hints';
import { createElectronSettings } from './electron-settings';
import { registerIpc } from './ipc';
import { lockdownContents, lockdownSession } from './lockdown';
import { registerAppScheme, serveRenderer } from './protocol';
import { APP_ORIGIN, isOpenableExternalUrl, SECURE_WEB_PREFERENCES } from './security-policy';

const log = (message: string) => console.error(message);
let win: BrowserWindow | undefined;
let core: Core | undefined;

app.enableSandbox();
registerAppScheme();
if (!app.requestSingleInstanceLock()) app.quit();

app.on('web-contents-created', (_event, contents) => lockdownContents(contents, log));

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

app.whenReady().then(async () => {
  lockdownSession(session.defaultSession, log);
  serveRenderer(join(import.meta.dirname, '../dist/renderer'));
  const dataDir = app.getPath('userData');
  const settings = await createElectronSettings();
  core = await createCore({
    dataDir,
    settings,
    vault: createVault({ hints: createSettingsHintStore(settings) }),
    version: app.getVersion(),
    openExternal: confirmOpen,
    log,
  });
  registerIpc(core, () => win?.webContents, log);
  win = new BrowserWindow({
    width: 1280,
    height: 840,
    minWidth: 760,
    minHeight: 520,
    title: 'Enclave',
    show: false,
    webPreferences: { ...SECURE_WEB_PREFERENCES, preload: join(import.meta.dirname, 'preload.cjs') },
  });
  win.once('ready-to-show', () => win?.show());
  await win.loadURL(`${APP_ORIGIN}/index.html`);
});

app.on('window-all-closed', () => app.quit());
app.on('will-quit', (event) => {
  if (!core) return;
  event.preventDefault();
  const closing = core;
  core = undefined;
  void closing.close().finally(() => app.exit(0));
});
