// Plays a streamed answer frame by frame, with pacing and the injected faults of FakeBehaviour.
import type { ServerResponse } from 'node:http';
import { malformed, type Codec, type Frame } from './frames';
import { sleep, tokenDelayMs } from './http';
import type { FakeBehaviour } from './types';

/** Everything a format wants to stream, already as frames. */
const CUT_GRACE_MS = 15;

export interface StreamPlan {
  status?: number;
  headers: Record<string, string>;
  /** Raw bytes sent right after the headers (DeepSeek's queued `: keep-alive`). */
  preamble?: string;
  head: Frame[];
  /** One entry per streamed piece (reasoning pieces first). A hidden piece may have no frames. */
  steps: Frame[][];
  tail: Frame[];
  /** What `errorAfter` sends before ending the response. */
  error: Frame[];
}

export interface StreamTarget {
  res: ServerResponse;
  codec: Codec;
  behaviour: FakeBehaviour;
  signal: AbortSignal;
  /** Destroy the socket on purpose (a cut is not the client closing early). */
  cut(): void;
}

function write(res: ServerResponse, chunk: string, signal: AbortSignal): Promise<void> {
  if (res.destroyed) return Promise.resolve();
  if (res.write(chunk)) return Promise.resolve();
  return new Promise((resolve) => {
    const done = (): void => {
      res.off('drain', done);
      signal.removeEventListener('abort', done);
      resolve();
    };
    res.once('drain', done);
    signal.addEventListener('abort', done, { once: true });
  });
}

/** Resolves once the chunk left Node for the kernel, so destroying the socket cannot drop it. */
function flushed(res: ServerResponse, chunk: string): Promise<void> {
  if (res.destroyed) return Promise.resolve();
  return new Promise((resolve) => res.write(chunk, () => resolve()));
}

function nextFrame(plan: StreamPlan, from: number): Frame | undefined {
  for (let i = from; i < plan.steps.length; i += 1) {
    const frame = plan.steps[i]?.[0];
    if (frame !== undefined) return frame;
  }
  return plan.tail[0];
}

async function writeFrames(target: StreamTarget, frames: Frame[]): Promise<void> {
  for (const frame of frames) {
    if (target.signal.aborted) return;
    if (target.behaviour.keepAlive === true && target.codec.keepAlive !== undefined) {
      await write(target.res, target.codec.keepAlive, target.signal);
    }
    await write(target.res, target.codec.encode(frame), target.signal);
  }
}

/** Faults fire at most at the end of the steps: `cutAfter: 99` on a 2-token answer cuts the tail. */
function at(n: number | undefined, index: number, last: number): boolean {
  return n !== undefined && Math.min(n, last) === index;
}

/** Returns 'stop' when a fault ended (or froze) the stream. */
async function fault(target: StreamTarget, plan: StreamPlan, index: number): Promise<'go' | 'stop'> {
  const b = target.behaviour;
  const last = plan.steps.length;
  if (at(b.stallAfter, index, last)) return 'stop';
  const next = nextFrame(plan, index);
  if (at(b.cutAfter, index, last)) {
    const bytes = next === undefined ? '' : target.codec.encode(next);
    await flushed(target.res, bytes.slice(0, Math.floor(bytes.length / 2)));
    // Let the client read what came before, as it would over a real network, then cut.
    await sleep(CUT_GRACE_MS, target.signal);
    target.cut();
    return 'stop';
  }
  if (at(b.errorAfter, index, last)) {
    await writeFrames(target, plan.error);
    target.res.end();
    return 'stop';
  }
  if (at(b.malformedAfter, index, last) && next !== undefined) await writeFrames(target, [malformed(next)]);
  return 'go';
}

export async function playStream(target: StreamTarget, plan: StreamPlan): Promise<void> {
  const { res, signal } = target;
  res.writeHead(plan.status ?? 200, plan.headers);
  res.flushHeaders();
  if (plan.preamble !== undefined) await write(res, plan.preamble, signal);
  await writeFrames(target, plan.head);
  const delay = tokenDelayMs(target.behaviour);
  for (let index = 0; index <= plan.steps.length; index += 1) {
    if (signal.aborted) return;
    if ((await fault(target, plan, index)) === 'stop') return;
    const step = plan.steps[index];
    if (step === undefined) break;
    if (index > 0) await sleep(delay, signal);
    await writeFrames(target, step);
  }
  await writeFrames(target, plan.tail);
  if (!signal.aborted) res.end();
}
