// The renderer's security policy as data, so it can be unit-tested without Electron.

export const APP_SCHEME = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://enclave`;

/** The renderer may load its own files and nothing else; it may connect nowhere. */
export const RENDERER_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'none'",
  "media-src 'none'",
  "object-src 'none'",
  "frame-src 'none'",
  "worker-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export function isAppUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === 'enclave';
  } catch {
    return false;
  }
}

/** Requests the session lets through: the app's own files and devtools internals only. */
export function isAllowedRendererRequest(url: string): boolean {
  if (isAppUrl(url)) return true;
  return url.startsWith('devtools://');
}

/** Links a user may open in their browser, after confirming the full address. */
export function isOpenableExternalUrl(url: string): boolean {
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}

export const SECURE_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  experimentalFeatures: false,
  navigateOnDragDrop: false,
  spellcheck: true,
  safeDialogs: true,
} as const;
