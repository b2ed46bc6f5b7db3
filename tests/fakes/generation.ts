// The shared shape of every generation endpoint: auth, first-byte delay, status errors, then a
// stream or a whole answer, each with the behaviour's faults applied.
import type { Codec } from './frames';
import { sendReply, sleep, tokenDelayMs, type HttpReply } from './http';
import type { Exchange } from './server';
import { playStream, type StreamPlan } from './stream-driver';
import type { RecordedRequest } from './types';

export interface Generation {
  streaming: boolean;
  codec: Codec;
  /** Pieces the answer has (for pacing a non-streamed answer). */
  pieces: number;
  errorReply(status: number): HttpReply;
  plan(): StreamPlan;
  whole(): HttpReply;
}

export type KeyReader = (request: RecordedRequest) => string | undefined;

export function bearerKey(request: RecordedRequest): string | undefined {
  const auth = request.headers['authorization'];
  return auth?.startsWith('Bearer ') === true ? auth.slice('Bearer '.length) : undefined;
}

/** Sends the provider's auth failure and returns false when `requiredKey` is set and not met. */
export function authorize(ex: Exchange, readKey: KeyReader, authReply: () => HttpReply): boolean {
  const required = ex.behaviour.requiredKey;
  if (required === undefined || readKey(ex.request) === required) return true;
  sendReply(ex.res, authReply());
  return false;
}

async function playWhole(ex: Exchange, g: Generation): Promise<void> {
  const b = ex.behaviour;
  if (b.stallAfter !== undefined) return; // headers never come; the client's timeout must fire
  if (b.errorAfter !== undefined) return sendReply(ex.res, g.errorReply(500));
  await sleep(tokenDelayMs(b) * Math.max(0, g.pieces - 1), ex.signal);
  if (ex.signal.aborted) return;
  const reply = g.whole();
  if (b.cutAfter !== undefined) {
    ex.res.writeHead(reply.status, { ...reply.headers, 'content-length': String(Buffer.byteLength(reply.body)) });
    ex.res.write(reply.body.slice(0, Math.floor(reply.body.length / 2)));
    ex.cut();
    return;
  }
  sendReply(ex.res, reply);
}

export async function generate(ex: Exchange, g: Generation): Promise<void> {
  await ex.firstByte();
  if (ex.signal.aborted) return;
  const status = ex.behaviour.status;
  if (status !== undefined && status >= 400) return sendReply(ex.res, g.errorReply(status));
  if (!g.streaming) return playWhole(ex, g);
  await playStream({ res: ex.res, codec: g.codec, behaviour: ex.behaviour, signal: ex.signal, cut: ex.cut }, g.plan());
}

export function notFound(ex: Exchange, body: unknown): void {
  sendReply(ex.res, { status: 404, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}
