// Chromium for the benchmark: Debian's binary through playwright-core, CDP throttling, and the
// bench-only render page built by esbuild into bench/.build and served from 127.0.0.1.
import { mkdirSync, copyFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { build } from 'esbuild';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { launchBrowser } from '../../tests/e2e/harness';

export const BUILD_DIR = resolve(import.meta.dirname, '../.build/render');

export async function buildRenderPage(): Promise<string> {
  mkdirSync(BUILD_DIR, { recursive: true });
  await build({
    entryPoints: [resolve(import.meta.dirname, '../pages/render.tsx')],
    bundle: true,
    outdir: BUILD_DIR,
    entryNames: 'render',
    format: 'esm',
    platform: 'browser',
    target: 'chrome120',
    jsx: 'automatic',
    minify: true,
    define: { 'process.env.NODE_ENV': '"production"' },
    loader: { '.woff2': 'file', '.woff': 'file', '.ttf': 'file' },
    logLevel: 'error',
  });
  copyFileSync(resolve(import.meta.dirname, '../pages/render.html'), join(BUILD_DIR, 'index.html'));
  return BUILD_DIR;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
};

export async function serveDir(root: string): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const full = join(root, path === '/' ? 'index.html' : decodeURIComponent(path));
    if (!full.startsWith(root + sep)) return void res.writeHead(403).end();
    try {
      const body = await readFile(full);
      res.writeHead(200, { 'content-type': TYPES[extname(full)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((r) => server.close(() => r())) };
}

export async function launchChromium(): Promise<Browser> {
  return launchBrowser(['--enable-precise-memory-info']);
}

export async function throttle(page: Page, rate: number): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  return cdp;
}
