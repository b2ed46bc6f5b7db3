// The browser harness: the real engine (electron/core) under plain Node, plus the built renderer,
// served on 127.0.0.1 with a random per-run token. window.enclave is implemented by client.ts
// over HTTP + server-sent events using the same contract and the same validation as Electron IPC.
// Development and test tool only: never part of a packaged build.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { dispatch } from '../electron/core/ipc/dispatch';
import { harnessClientJs } from './client-bundle';
import { failurePageHtml, failureText } from '../electron/core/startup/failure-page';
import { databaseKeyProblem, startFailureProblem } from '../electron/core/startup/database-key-problem';
import { prepareStartup } from '../electron/core/startup/startup';
import { answerPassphraseForm, createPassphraseGate, initialDatabaseKey, type PassphraseGate } from '../electron/core/startup/passphrase-gate';
import { PASSPHRASE_FORM_MAX_BYTES, PASSPHRASE_FORM_PATH, PASSPHRASE_PAGE_CSP, passphrasePageHtml } from '../electron/core/startup/passphrase-form';
import type { ResolvedKey } from '../electron/core/store/database-key';
import type { DataDirLock } from '../electron/core/startup/data-dir-lock';
import type { StartupProblem } from '../electron/core/startup/self-check';
import type { Engine } from './engine';
import { keyOnlyVault, probeKeychain } from '../electron/core/vault/vault';
import { HARNESS_CSP, readStatic } from './static-files';

const { values: args } = parseArgs({
  options: {
    demo: { type: 'boolean', default: false },
    port: { type: 'string', default: '0' },
    'data-dir': { type: 'string' },
    /** Test-only: `host=http://127.0.0.1:port` sends a remote host's requests to a loopback fake. */
    'route-host': { type: 'string', multiple: true },
  },
  allowPositionals: true,
});

// ENCLAVE_RENDERER_DIR: a private build, so runs in parallel do not swap assets under each other.
const root = resolve(process.env.ENCLAVE_RENDERER_DIR ?? resolve(import.meta.dirname, '../dist/renderer'));
const dataDir = resolve(args['data-dir'] ?? join(homedir(), '.enclave-preview'));
mkdirSync(dataDir, { recursive: true });
const token = randomBytes(24).toString('hex');

const clientJs = await harnessClientJs();
const keychainService = process.env.ENCLAVE_KEYCHAIN_SERVICE ?? 'Enclave';
const sseClients = new Set<ServerResponse>();
const problems: StartupProblem[] = [];
let engine: Engine | undefined;
let gate: PassphraseGate | undefined;
let failurePage: string | undefined;
let heldLock: DataDirLock | undefined;
let launching: Promise<void> = Promise.resolve();
let decided: Promise<void> = Promise.resolve();

/**
 * Starts the engine with the key. Anything that stops it becomes the page that says why (as in
 * Electron), never a crash: a key it cannot use is the user's problem to fix, anything else a bug.
 */
async function launch(databaseKey: ResolvedKey, lock: DataDirLock | undefined): Promise<void> {
  try {
    // Imported only after the self-check, so a SQLite addon that does not load gets the page, not a crash.
    const { startEngine } = await import('./engine');
    engine = await startEngine({ dataDir, demo: args.demo, routeHosts: args['route-host'] ?? [], ...(lock ? { lock } : {}), databaseKey });
    engine.core.onStream((events) => {
      const frame = `event: stream\ndata: ${JSON.stringify(events)}\n\n`;
      for (const res of sseClients) res.write(frame);
    });
    console.log(`\nEnclave is running${args.demo ? ' in demo mode' : ''}. Open this link in your browser:\n\n  ${link()}\n\nData: ${dataDir}\nPress Ctrl+C to stop.`);
  } catch (error) {
    if (!databaseKeyProblem(error)) console.error(error);
    refuse([startFailureProblem(error)]);
  }
}

function refuse(found: StartupProblem[]): void {
  problems.push(...found);
  failurePage = failurePageHtml(problems);
  console.error(`\nEnclave could not start.\n${failureText(problems)}\n\nThis link shows the same: ${link()}\n`);
}

/**
 * What the link shows is known once the self-check and the key are: the failure page, the
 * passphrase page, or the app while its engine starts (calls wait for it in `launching`). The
 * server listens before all this, so a browser or window opens in parallel with the engine.
 */
async function decide(): Promise<void> {
  // A bug here must still answer the link with a page that says so, as Electron's start does.
  await decideOrThrow().catch((error: unknown) => {
    console.error(error);
    refuse([startFailureProblem(error)]);
  });
}

async function decideOrThrow(): Promise<void> {
  const startup = await prepareStartup({ dataDir, keychain: () => probeKeychain({ service: keychainService }) });
  if (startup.kind === 'refused') return refuse(startup.problems);
  heldLock = startup.lock;
  const keyVault = keyOnlyVault({ service: keychainService });
  // ENCLAVE_DB_PASSPHRASE: dev and bench only, for machines without a keychain; the page asks people.
  const envPassphrase = process.env.ENCLAVE_DB_PASSPHRASE;
  const initial = await initialDatabaseKey({ dataDir, vault: keyVault, ...(envPassphrase ? { passphrase: envPassphrase } : {}) });
  if (initial.kind === 'key') launching = launch(initial.key, startup.lock);
  else if (initial.kind === 'needs-passphrase') {
    gate = createPassphraseGate({ dataDir, vault: keyVault });
    console.error(`\nEnclave needs the passphrase of its conversation database: open this link.\n\n  ${link()}\n`);
  } else {
    startup.lock.release();
    if (!databaseKeyProblem(initial.error)) console.error(initial.error);
    refuse([startFailureProblem(initial.error)]);
  }
}

function tokenOk(candidate: string | null | undefined): boolean {
  if (!candidate || candidate.length !== token.length) return false;
  return timingSafeEqual(Buffer.from(candidate), Buffer.from(token));
}

function send(res: ServerResponse, status: number, body: string | Buffer, type = 'text/plain; charset=utf-8', csp = HARNESS_CSP) {
  res.writeHead(status, {
    'content-type': type,
    'content-security-policy': csp,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-store',
  });
  res.end(body);
}

async function readBody(req: IncomingMessage, limit: number): Promise<string> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new Error('request body too large');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

const server = createServer(async (req, res) => {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const sameOrigin = !req.headers.origin || req.headers.origin === `http://${req.headers.host}`;
  // The bundle's files are the same whatever start-up decides: the browser may fetch them at once.
  if (url.pathname.startsWith('/assets/') && req.method === 'GET') return serveStatic(res, url.pathname);
  await decided;
  const needsEngine = url.pathname.startsWith('/__harness/') && url.pathname !== '/__harness/client.js';
  if (needsEngine) await launching;

  if (failurePage) {
    if (!tokenOk(url.searchParams.get('token'))) return send(res, 403, 'forbidden');
    return send(res, 503, failurePage, 'text/html; charset=utf-8');
  }
  if (gate && !engine) return answerPassphrasePage(gate, req, res, url, sameOrigin);
  if (needsEngine && !engine) return send(res, 503, 'not started');
  if (url.pathname.startsWith('/__harness/call/') && req.method === 'POST') {
    if (!tokenOk(req.headers['x-enclave-token'] as string | undefined) || !sameOrigin) {
      return send(res, 403, JSON.stringify({ ok: false, error: { kind: 'forbidden', message: 'Missing or wrong harness token.' } }), 'application/json');
    }
    let raw: unknown;
    try {
      raw = JSON.parse(await readBody(req, 64 * 1024 * 1024));
    } catch {
      return send(res, 400, JSON.stringify({ ok: false, error: { kind: 'invalid-request', message: 'The request body is not JSON.' } }), 'application/json');
    }
    const { handlers, guard } = engine!.core; // there is an engine: needsEngine was checked above
    const result = await dispatch(handlers, url.pathname.slice('/__harness/call/'.length), raw, undefined, guard);
    return send(res, 200, JSON.stringify(result), 'application/json');
  }
  if (url.pathname === '/__harness/events') {
    if (!tokenOk(url.searchParams.get('token')) || !sameOrigin) return send(res, 403, 'forbidden');
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
    res.write(': connected\n\n');
    sseClients.add(res);
    req.on('close', () => sseClients.delete(res));
    return;
  }
  if (url.pathname === '/__harness/client.js') {
    if (!tokenOk(url.searchParams.get('token'))) return send(res, 403, 'forbidden');
    return send(res, 200, clientJs, 'text/javascript; charset=utf-8');
  }
  if (url.pathname === '/' || url.pathname === '/index.html') {
    if (!tokenOk(url.searchParams.get('token'))) {
      return send(res, 403, 'This Enclave preview needs the link with its token, as printed by npm run preview.');
    }
    const file = await readStatic(root, 'index.html');
    if (!file) return send(res, 500, 'The renderer is not built: run npm run preview.');
    const html = file.body.toString('utf8').replace('<head>', `<head><script src="/__harness/client.js?token=${token}"></script>`);
    return send(res, 200, html, 'text/html; charset=utf-8');
  }
  if (req.method !== 'GET') return send(res, 404, 'not found');
  return serveStatic(res, url.pathname);
});

async function serveStatic(res: ServerResponse, path: string): Promise<void> {
  const file = await readStatic(root, path);
  if (!file) return send(res, 404, 'not found');
  return send(res, 200, file.body, file.type);
}

/** The start-up page's passphrase form: GET shows it, POST tries the passphrase. */
async function answerPassphrasePage(g: PassphraseGate, req: IncomingMessage, res: ServerResponse, url: URL, sameOrigin: boolean) {
  if (!tokenOk(url.searchParams.get('token'))) return send(res, 403, 'forbidden');
  const page = (status: number, message?: string) =>
    send(
      res,
      status,
      passphrasePageHtml({ firstRun: g.firstRun(), action: `${PASSPHRASE_FORM_PATH}?token=${token}`, ...(message ? { message } : {}) }),
      'text/html; charset=utf-8',
      PASSPHRASE_PAGE_CSP,
    );
  if (url.pathname.startsWith('/__harness/')) return send(res, 503, 'Enclave is waiting for the passphrase of its conversation database.');
  if (url.pathname !== PASSPHRASE_FORM_PATH || req.method !== 'POST') return page(200);
  // The page's no-referrer policy makes the browser send `Origin: null` with the form; Fetch
  // Metadata still says where the post came from.
  if (!sameOrigin && req.headers['sec-fetch-site'] !== 'same-origin') return send(res, 403, 'forbidden');
  let body: string;
  try {
    body = await readBody(req, PASSPHRASE_FORM_MAX_BYTES);
  } catch {
    return page(413, 'That form was too large to be a passphrase.');
  }
  const answer = await answerPassphraseForm(g, body);
  if (!answer.ok) return page(400, answer.message);
  if (!engine) await launch(answer.key, heldLock);
  if (failurePage) return send(res, 503, failurePage, 'text/html; charset=utf-8');
  res.writeHead(303, { location: `/?token=${token}`, 'cache-control': 'no-store' });
  res.end();
}

function link(): string {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return `http://127.0.0.1:${port}/?token=${token}`;
}

await new Promise<void>((listening) => server.listen(Number(args.port), '127.0.0.1', listening));
console.log(`ENCLAVE_URL=${link()}`);
decided = decide();

const shutdown = async () => {
  for (const res of sseClients) res.end();
  server.close();
  await engine?.close();
  process.exit(0);
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
