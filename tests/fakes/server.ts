// The loopback HTTP server under every fake: records requests, tracks early client closes, and
// hands each request to one format's handler.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { hasImage } from './images';
import { sleep } from './http';
import type { FakeBehaviour, RecordedRequest } from './types';

/** One request in flight, as a format handler sees it. */
export interface Exchange {
  request: RecordedRequest;
  res: ServerResponse;
  behaviour: FakeBehaviour;
  /** Aborts when the client closes the connection before the response ended. */
  signal: AbortSignal;
  origin: string;
  /** Destroys the socket on purpose (cutAfter); not counted in closedEarly. */
  cut(): void;
  /** Waits `firstByteDelayMs` (generation endpoints call this before writing headers). */
  firstByte(): Promise<void>;
}

export type FormatHandler = (ex: Exchange) => Promise<void>;

export interface HttpFake {
  origin: string;
  requests: RecordedRequest[];
  closedEarly(): number;
  setBehaviour(b: FakeBehaviour): void;
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function parseJson(text: string): unknown {
  if (text.length === 0) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

async function record(req: IncomingMessage, origin: string): Promise<RecordedRequest> {
  const rawBody = await readBody(req);
  const url = new URL(req.url ?? '/', origin);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  const body = parseJson(rawBody);
  return {
    method: req.method ?? 'GET',
    path: url.pathname,
    query: Object.fromEntries(url.searchParams),
    headers,
    body,
    rawBody,
    receivedAt: Date.now(),
    hasImage: hasImage(body),
  };
}

export async function startHttpFake(handler: FormatHandler, initial: FakeBehaviour, port = 0): Promise<HttpFake> {
  let behaviour = initial;
  let closedEarly = 0;
  let closing = false;
  const requests: RecordedRequest[] = [];
  let origin = '';

  const server = createServer((req, res) => {
    const controller = new AbortController();
    let cutOnPurpose = false;
    res.on('close', () => {
      if (!res.writableFinished && !cutOnPurpose && !closing) closedEarly += 1;
      controller.abort();
    });
    const current = behaviour;
    void record(req, origin)
      .then((request) => {
        requests.push(request);
        return handler({
          request,
          res,
          behaviour: current,
          signal: controller.signal,
          origin,
          cut: () => {
            cutOnPurpose = true;
            res.destroy();
          },
          firstByte: () => sleep(current.firstByteDelayMs ?? 0, controller.signal),
        });
      })
      .catch((error: unknown) => {
        // A bug in a fake must be loud, not a hung test.
        if (!res.headersSent) res.writeHead(599, { 'content-type': 'text/plain' });
        res.end(`fake server bug: ${String(error)}`);
      });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    origin,
    requests,
    closedEarly: () => closedEarly,
    setBehaviour: (b) => {
      behaviour = b;
    },
    close: () =>
      new Promise<void>((resolve) => {
        closing = true;
        server.close(() => resolve());
        // Stalled streams would keep close() waiting forever.
        server.closeAllConnections();
      }),
  };
}
