// Serves the built renderer from app://enclave/ (never file://), with the CSP on every response.
import { net, protocol } from 'electron';
import { join, normalize, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PASSPHRASE_FORM_MAX_BYTES, PASSPHRASE_FORM_PATH, PASSPHRASE_PAGE_CSP } from '../core/startup/passphrase-form';
import { APP_SCHEME, RENDERER_CSP } from './security-policy';

export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: false, corsEnabled: false } }]);
}

export function serveRenderer(rendererDir: string): void {
  if (protocol.isProtocolHandled(APP_SCHEME)) protocol.unhandle(APP_SCHEME);
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const rel = normalize(decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname)).replace(/^([/\\])+/, '');
    const full = join(rendererDir, rel);
    if (url.host !== 'enclave' || !full.startsWith(rendererDir + sep)) return new Response('not found', { status: 404 });
    // net.fetch on a file: URL reads the packaged file; it is not a network request.
    const res = await net.fetch(pathToFileURL(full).href);
    const headers = new Headers(res.headers);
    headers.set('content-security-policy', RENDERER_CSP);
    headers.set('x-content-type-options', 'nosniff');
    return new Response(res.body, { status: res.status, headers });
  });
}

/** Start-up failed: every app:// request answers with the failure page (static, no script). */
export function serveStartupFailure(html: string): void {
  if (protocol.isProtocolHandled(APP_SCHEME)) protocol.unhandle(APP_SCHEME);
  protocol.handle(
    APP_SCHEME,
    () =>
      new Response(html, {
        status: 200,
        headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': RENDERER_CSP, 'x-content-type-options': 'nosniff' },
      }),
  );
}

/**
 * The database needs a passphrase: every app:// request shows the form (static, no script); a
 * POST of the form to PASSPHRASE_FORM_PATH goes to `submit`, whose answer is the page shown next.
 */
export function serveStartupPassphrase(show: () => string, submit: (body: string) => Promise<string>): void {
  if (protocol.isProtocolHandled(APP_SCHEME)) protocol.unhandle(APP_SCHEME);
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    let html: string;
    if (url.host === 'enclave' && url.pathname === PASSPHRASE_FORM_PATH && request.method === 'POST') {
      const body = Buffer.from(await request.arrayBuffer());
      html = await submit(body.length > PASSPHRASE_FORM_MAX_BYTES ? '' : body.toString('utf8'));
    } else {
      html = show();
    }
    return new Response(html, {
      status: 200,
      headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': PASSPHRASE_PAGE_CSP, 'x-content-type-options': 'nosniff', 'cache-control': 'no-store' },
    });
  });
}
