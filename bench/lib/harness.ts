// The browser harness as a child process on a given data dir (the real engine + built renderer).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { startChild } from './child';

const ROOT = resolve(import.meta.dirname, '../..');
let built = false;

/** The harness as `npm start` runs it: prebuilt JS (scripts/build-harness.mjs), no tsx. */
function buildHarness(): void {
  if (built) return;
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
  if (!existsSync(resolve(import.meta.dirname, '../../dist/renderer/index.html'))) {
    throw new Error('dist/renderer is not built: run `npx vite build` (or npm run preview once) first.');
  }
  buildHarness();
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
