// Serves the built renderer (dist/renderer) read-only, with the same CSP idea as the app: the
// only difference is connect-src 'self', which the harness transport itself needs.
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.json': 'application/json',
};

export const HARNESS_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  // No allow-popups: window.open cannot start a navigation CSP would not see (the app denies it
  // with setWindowOpenHandler; this is the harness's equivalent).
  // allow-forms only lets submit events fire (React handles them); form-action 'none' still
  // blocks any real submission.
  'sandbox allow-scripts allow-same-origin allow-forms',
].join('; ');

export async function readStatic(root: string, urlPath: string): Promise<{ body: Buffer; type: string } | undefined> {
  const rel = normalize(decodeURIComponent(urlPath)).replace(/^([/\\])+/, '');
  const full = join(root, rel);
  if (!full.startsWith(root + sep) && full !== root) return undefined;
  try {
    const body = await readFile(full);
    return { body, type: TYPES[extname(full)] ?? 'application/octet-stream' };
  } catch {
    return undefined;
  }
}
