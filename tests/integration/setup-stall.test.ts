// scripts/setup.sh against a registry that accepts connections and never answers (the stalled
// download that once hung setup for two hours): it must give up within its bounds and say which
// step failed and what to run next. Short npm timeouts are passed the way a user could.
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';

const sockets = new Set<Socket>();
const server = createServer((socket) => {
  sockets.add(socket); // read the request, never answer
  socket.on('close', () => sockets.delete(socket));
});
afterEach(async () => {
  for (const s of sockets) s.destroy();
  await new Promise((r) => server.close(r));
});

test('a stalled registry makes setup fail fast with the step and the next command', { timeout: 120_000 }, async () => {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  server.maxConnections = 20;
  const port = (server.address() as { port: number }).port;
  const project = mkdtempSync(join(tmpdir(), 'enclave-setup-'));
  mkdirSync(join(project, 'scripts'));
  for (const f of ['package.json', 'package-lock.json', 'scripts/setup.sh', 'scripts/check-node.mjs']) copyFileSync(f, join(project, f));

  const started = Date.now();
  const child = spawn('bash', [join(project, 'scripts/setup.sh')], {
    env: {
      PATH: '/usr/local/bin:/usr/bin:/bin',
      HOME: mkdtempSync(join(tmpdir(), 'enclave-home-')),
      ENCLAVE_SETUP_SKIP_SYSTEM: '1',
      npm_config_registry: `http://127.0.0.1:${port}/`,
      npm_config_fetch_timeout: '2000',
      npm_config_fetch_retries: '1',
      npm_config_fetch_retry_mintimeout: '100',
      npm_config_fetch_retry_maxtimeout: '200',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const code = await new Promise<number | null>((r) => child.on('exit', r));
  const seconds = (Date.now() - started) / 1000;

  expect(code).not.toBe(0);
  expect(out).toMatch(/^\[1\/5\] System packages$/m);
  // Step 2 on a system Node older than 22.13 (it fetches Node 24), step 3 (npm ci) otherwise.
  expect(out).toMatch(/Setup failed at step [23]: (downloading Node [\d.]+ from the npm registry|npm ci) failed or timed out/);
  expect(out).toMatch(/^Next: .*bash scripts\/setup\.sh$/m);
  expect(seconds).toBeLessThan(90);
});
