// The main process's lockdown, exercised with stand-ins for Electron's session and webContents
// (the binary is not available here); the handlers are the real ones main installs.
import { describe, expect, test } from 'vitest';
import type { Session, WebContents } from 'electron';
import { lockdownContents, lockdownSession } from '../../electron/main/lockdown';
import { isOpenableExternalUrl, RENDERER_CSP, SECURE_WEB_PREFERENCES } from '../../electron/main/security-policy';

type Handler = (...args: never[]) => unknown;

function fakeSession() {
  const h: Record<string, Handler> = {};
  const session = {
    setPermissionRequestHandler: (fn: Handler) => (h.permission = fn),
    setPermissionCheckHandler: (fn: Handler) => (h.check = fn),
    webRequest: { onBeforeRequest: (fn: Handler) => (h.request = fn) },
    on: (name: string, fn: Handler) => (h[name] = fn),
  };
  return { session: session as unknown as Session, h };
}

function fakeContents() {
  const h: Record<string, Handler> = {};
  const contents = {
    on: (name: string, fn: Handler) => (h[name] = fn),
    setWindowOpenHandler: (fn: Handler) => (h.open = fn),
  };
  return { contents: contents as unknown as WebContents, h };
}

describe('renderer lockdown in main', () => {
  test('every permission request is denied', () => {
    const { session, h } = fakeSession();
    const logs: string[] = [];
    lockdownSession(session, (m) => logs.push(m));
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      let granted: boolean | undefined;
      (h.permission as (wc: unknown, p: string, cb: (ok: boolean) => void) => void)(null, permission, (ok) => (granted = ok));
      expect(granted, permission).toBe(false);
    }
    expect((h.check as () => boolean)()).toBe(false);
    expect(logs.length).toBe(5);
  });

  test('every request that is not an app:// file is cancelled and logged', () => {
    const { session, h } = fakeSession();
    const logs: string[] = [];
    lockdownSession(session, (m) => logs.push(m));
    const decide = (url: string) => {
      let cancel: boolean | undefined;
      (h.request as (d: { url: string }, cb: (r: { cancel: boolean }) => void) => void)({ url }, (r) => (cancel = r.cancel));
      return cancel;
    };
    expect(decide('app://enclave/index.html')).toBe(false);
    expect(decide('app://enclave/assets/index.js')).toBe(false);
    for (const url of [
      'http://127.0.0.1:11434/api/tags',
      'https://evil.example/pixel.png',
      'ws://127.0.0.1:9000/',
      'file:///etc/passwd',
      'app://other-host/x',
      'data:text/html,hi',
    ]) {
      expect(decide(url), url).toBe(true);
    }
    expect(logs.some((l) => l.includes('evil.example'))).toBe(true);
  });

  test('navigation away, redirects, webviews and window.open are refused', () => {
    const { contents, h } = fakeContents();
    lockdownContents(contents, () => undefined);
    let prevented = 0;
    const event = { preventDefault: () => prevented++ };
    (h['will-navigate'] as (e: unknown, url: string) => void)(event, 'https://evil.example/');
    (h['will-navigate'] as (e: unknown, url: string) => void)(event, 'app://enclave/index.html');
    (h['will-redirect'] as (e: unknown) => void)(event);
    (h['will-attach-webview'] as (e: unknown) => void)(event);
    expect(prevented).toBe(3);
    expect((h.open as (d: { url: string }) => unknown)({ url: 'https://evil.example' })).toEqual({ action: 'deny' });
  });

  test('the CSP lets the renderer connect nowhere and load no remote image', () => {
    expect(RENDERER_CSP).toContain("connect-src 'none'");
    expect(RENDERER_CSP).toContain("default-src 'none'");
    expect(RENDERER_CSP).toMatch(/img-src 'self' data: blob:(;|$)/);
    expect(RENDERER_CSP).not.toMatch(/https?:/);
    expect(RENDERER_CSP).not.toContain('unsafe-eval');
  });

  test('web preferences follow the Electron security checklist', () => {
    expect(SECURE_WEB_PREFERENCES).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      allowRunningInsecureContent: false,
    });
  });

  test('only https links may be opened outside', () => {
    expect(isOpenableExternalUrl('https://example.com/a')).toBe(true);
    for (const url of ['http://example.com', 'javascript:alert(1)', 'file:///etc/passwd', 'smb://host/share', 'not a url']) {
      expect(isOpenableExternalUrl(url), url).toBe(false);
    }
  });
});
