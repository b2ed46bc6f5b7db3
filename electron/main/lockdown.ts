// Session-level lockdown: every permission denied, every request that is not the app's own file
// cancelled (and logged), navigation and new windows refused.
import type { Session, WebContents } from 'electron';
import { isAllowedRendererRequest, isAppUrl } from './security-policy';

export function lockdownSession(session: Session, log: (message: string) => void): void {
  session.setPermissionRequestHandler((_wc, permission, callback) => {
    log(`[enclave] denied permission request: ${permission}`);
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAllowedRendererRequest(details.url);
    if (!allowed) log(`[enclave] blocked renderer request to ${safeOrigin(details.url)}`);
    callback({ cancel: !allowed });
  });
  session.on('will-download', (event) => event.preventDefault());
}

export function lockdownContents(contents: WebContents, log: (message: string) => void): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) {
      event.preventDefault();
      log(`[enclave] blocked navigation to ${safeOrigin(url)}`);
    }
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    log(`[enclave] blocked window.open to ${safeOrigin(url)}`);
    return { action: 'deny' };
  });
}

function safeOrigin(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return '(invalid url)';
  }
}
