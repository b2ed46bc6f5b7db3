// Replays a recorded stream byte for byte: every POST gets the file's exact bytes as the body,
// written in small pieces so frames, JSON and UTF-8 all arrive split across reads, as they do
// from a real server. Loopback only; one response per request, then the socket ends.
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

export const STREAMS_DIR = join(import.meta.dirname, '..', 'fixtures', 'streams');

const CONTENT_TYPES: Record<string, string> = {
  sse: 'text/event-stream; charset=utf-8',
  ndjson: 'application/x-ndjson',
};

export interface ReplayRequest {
  method: string;
  path: string;
  body: unknown;
}

export interface ReplayServer {
  origin: string;
  requests: ReplayRequest[];
  /** The recording the next requests are answered with (a file name under tests/fixtures/streams). */
  play(file: string): void;
  close(): Promise<void>;
}

function readJson(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      try {
        resolve(text ? (JSON.parse(text) as unknown) : undefined);
      } catch {
        resolve(text);
      }
    });
    req.on('error', reject);
  });
}

export function recording(file: string): Buffer {
  return readFileSync(join(STREAMS_DIR, file));
}

/** `GET …/models` as an OpenAI-compatible server lists them, so the app can pick a model. */
function listing(models: readonly string[]): string {
  return JSON.stringify({ object: 'list', data: models.map((id) => ({ id, object: 'model', created: 1764633600, owned_by: 'llamacpp' })) });
}

export async function startReplay(opts: { pieceBytes?: number; models?: readonly string[] } = {}): Promise<ReplayServer> {
  const pieceBytes = opts.pieceBytes ?? 7;
  let current: string | undefined;
  const requests: ReplayRequest[] = [];
  const server = createServer((req, res) => {
    void (async () => {
      requests.push({ method: req.method ?? 'GET', path: req.url ?? '/', body: await readJson(req) });
      if (req.method === 'GET' && /\/models\/?$/.test(req.url ?? '')) {
        res.writeHead(200, { 'content-type': 'application/json' }).end(listing(opts.models ?? []));
        return;
      }
      if (!current) {
        res.writeHead(500, { 'content-type': 'application/json' }).end('{"error":"no recording chosen"}');
        return;
      }
      const bytes = recording(current);
      const ext = current.split('.').pop() ?? '';
      res.writeHead(200, { 'content-type': CONTENT_TYPES[ext] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
      for (let at = 0; at < bytes.length && !res.destroyed; at += pieceBytes) {
        res.write(bytes.subarray(at, at + pieceBytes));
        await new Promise((r) => setImmediate(r));
      }
      res.end();
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    play(file) {
      current = file;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
