// Small HTTP helpers shared by every fake: replies, retry headers, ids, pacing.
import type { ServerResponse } from 'node:http';
import type { FakeBehaviour } from './types';

/** A whole non-streamed answer: status, headers and the exact body bytes. */
export interface HttpReply {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export function jsonReply(status: number, body: unknown, headers: Record<string, string> = {}): HttpReply {
  return { status, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) };
}

export function sendReply(res: ServerResponse, reply: HttpReply): void {
  if (res.destroyed) return;
  res.writeHead(reply.status, { 'content-length': String(Buffer.byteLength(reply.body)), ...reply.headers });
  res.end(reply.body);
}

/** `retry-after` (seconds) and `retry-after-ms`, as the Stainless SDKs read them (docs/provider-wire-formats.md §6.1). */
export function retryHeaders(retryAfter: FakeBehaviour['retryAfter']): Record<string, string> {
  const headers: Record<string, string> = {};
  if (retryAfter?.seconds !== undefined) headers['retry-after'] = String(retryAfter.seconds);
  if (retryAfter?.ms !== undefined) headers['retry-after-ms'] = String(retryAfter.ms);
  return headers;
}

let counter = 0;
/** Deterministic-looking unique ids: `req_fake000001`. */
export function nextId(prefix: string): string {
  counter += 1;
  return `${prefix}${String(counter).padStart(6, '0')}`;
}

/** Resolves after `ms`, or at once when the signal aborts (the client went away). */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  if (ms <= 0 || signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}

export function tokenDelayMs(b: FakeBehaviour): number {
  if (b.tokenDelayMs !== undefined) return b.tokenDelayMs;
  if (b.tokensPerSecond !== undefined && b.tokensPerSecond > 0) return 1000 / b.tokensPerSecond;
  return 0;
}

/** Unix seconds, fixed so recorded frames are stable across runs. */
export const CREATED_AT = 1723031665;
