// The browser harness as a child process on a given data dir (the real engine + built renderer).
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { startChild } from './child';

const ROOT = resolve(import.meta.dirname, '../..');
let built = false;

/**
 * The renderer and the harness as `npm start` builds them: the production renderer (vite.config.ts
 * makes every build one) and prebuilt JS for the engine, no tsx. Built once per bench run, so no
 * section measures a stale or development build left by something else.
 */
function buildOnce(): void {
  if (built) return;
  execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
  execFileSync(process.execPath, ['scripts/build-harness.mjs'], { cwd: ROOT, stdio: 'inherit' });
  built = true;
}

export interface RunningHarness {
  url: string;
  /** ms from spawn to the harness printing its URL. */
  readyMs: number;
  stop(): Promise<void>;
}

export async function startHarness(dataDir: string, extraArgs: string[] = []): Promise<RunningHarness> {
  buildOnce();
  const c = await startChild(['dist-harness/start.js', '--data-dir', dataDir, ...extraArgs], /ENCLAVE_URL=(\S+)/);
  return { url: c.ready, readyMs: c.readyMs, stop: c.stop };
}

/** Calls one contract entry over the harness transport, as window.enclave does. */
export async function callHarness<T>(harnessUrl: string, name: string, body: unknown): Promise<T> {
  const url = new URL(harnessUrl);
  const res = await fetch(`${url.origin}/__harness/call/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-enclave-token': url.searchParams.get('token') ?? '' },
    body: JSON.stringify(body),
  });
  const result = (await res.json()) as { ok: true; value: T } | { ok: false; error: { message: string } };
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.value;
}
