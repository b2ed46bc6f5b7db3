// The browser harness as a child process on a given data dir (the real engine + built renderer).
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { startChild } from './child';

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
  const c = await startChild(['--import', 'tsx', 'harness/server.ts', '--data-dir', dataDir, ...extraArgs], /ENCLAVE_URL=(\S+)/);
  return { url: c.ready, readyMs: c.readyMs, stop: c.stop };
}
