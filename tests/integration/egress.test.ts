import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createEgress, type LedgerRow } from '../../electron/core/egress/egress';
import { EgressRefusedError } from '../../electron/core/egress/egress-error';

let server: Server;
let origin: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/slow') {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write('data: 1\n\n');
      return; // never ends: the client aborts
    }
    let body = '';
    req.on('data', (d: Buffer) => (body += d));
    req.on('end', () => {
      res.writeHead(req.url === '/missing' ? 404 : 200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ got: body.length, pad: 'x'.repeat(1000) }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const addr = server.address();
  origin = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

function setup(opts: { offline?: boolean; hosts?: string[] } = {}) {
  const rows: LedgerRow[] = [];
  let transportCalls = 0;
  const egress = createEgress({
    isOffline: () => opts.offline ?? false,
    allowedHosts: () => new Set(opts.hosts ?? []),
    record: (row) => rows.push(row),
    transport: (input, init) => {
      transportCalls++;
      return globalThis.fetch(input, init);
    },
  });
  return { egress, rows, calls: () => transportCalls };
}

describe('egress', () => {
  test('records one ledger row per request with bytes, status and duration, never content', async () => {
    const { egress, rows } = setup();
    const fetch = egress.fetchFor({ connectionId: 'c1', model: 'llama3.2' });
    const secretBody = JSON.stringify({ prompt: 'my diary entry', key: 'sk-test-SECRET' });
    const res = await fetch(`${origin}/v1/chat?key=sk-test-SECRET`, { method: 'POST', body: secretBody });
    await res.json();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ connectionId: 'c1', model: 'llama3.2', method: 'POST', path: '/v1/chat', status: 200, outcome: 'ok', bytesUp: secretBody.length });
    expect(rows[0]!.bytesDown).toBeGreaterThan(1000);
    expect(JSON.stringify(rows)).not.toMatch(/diary|SECRET/);
  });

  test('an HTTP error is recorded as such', async () => {
    const { egress, rows } = setup();
    const res = await egress.fetchFor({ connectionId: null })(`${origin}/missing`);
    await res.text();
    expect(rows[0]).toMatchObject({ status: 404, outcome: 'http-error' });
  });

  test('a host that is not a configured connection is refused before any socket opens', async () => {
    const { egress, rows, calls } = setup({ hosts: ['api.anthropic.com'] });
    await expect(egress.fetchFor({ connectionId: 'c1' })('https://collector.example/v1')).rejects.toBeInstanceOf(EgressRefusedError);
    expect(calls()).toBe(0);
    expect(rows[0]).toMatchObject({ host: 'collector.example', outcome: 'refused', status: 0 });
  });

  test('remote hosts must use https', async () => {
    const { egress, calls } = setup({ hosts: ['api.openai.com'] });
    await expect(egress.fetchFor({ connectionId: 'c1' })('http://api.openai.com/v1/models')).rejects.toThrow(/https/);
    expect(calls()).toBe(0);
  });

  test('offline mode refuses even configured remote hosts, and says how to turn it off', async () => {
    const { egress, calls } = setup({ offline: true, hosts: ['api.openai.com'] });
    const err = await egress
      .fetchFor({ connectionId: 'c1' })('https://api.openai.com/v1/models')
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(EgressRefusedError);
    expect((err as EgressRefusedError).reason).toBe('offline');
    expect((err as Error).message).toMatch(/Turn offline mode off/);
    expect(calls()).toBe(0);
  });

  test('offline mode still allows loopback', async () => {
    const { egress } = setup({ offline: true });
    const res = await egress.fetchFor({ connectionId: 'c1' })(`${origin}/ok`);
    expect(res.status).toBe(200);
    await res.text();
  });

  test('an aborted stream is recorded as aborted', async () => {
    const { egress, rows } = setup();
    const controller = new AbortController();
    const res = await egress.fetchFor({ connectionId: 'c1' })(`${origin}/slow`, { signal: controller.signal });
    const reader = res.body!.getReader();
    await reader.read();
    controller.abort();
    await reader.read().catch(() => undefined);
    await expect.poll(() => rows[0]?.outcome).toBe('aborted');
  });
});
