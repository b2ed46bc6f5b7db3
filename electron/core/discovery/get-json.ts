// One bounded GET through the injected fetch (egress's in the app). Never throws: a refused
// connection, a timeout and a non-JSON body are all just "no usable answer".
import type { z } from 'zod';

export type Fetch = typeof globalThis.fetch;

export interface Answer {
  status: number;
  body: unknown;
}

export interface GetOptions {
  fetch: Fetch;
  timeoutMs: number;
  signal?: AbortSignal;
}

export async function getJson(url: string, opts: GetOptions): Promise<Answer | null> {
  const timeout = AbortSignal.timeout(opts.timeoutMs);
  const signal = opts.signal ? AbortSignal.any([timeout, opts.signal]) : timeout;
  try {
    const res = await opts.fetch(url, { method: 'GET', headers: { accept: 'application/json' }, signal, redirect: 'error' });
    const text = await res.text();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    return { status: res.status, body };
  } catch {
    return null;
  }
}

/** The body parsed by `schema` when the answer was a 2xx, else undefined. */
export function okBody<T>(answer: Answer | null, schema: z.ZodType<T>): T | undefined {
  if (!answer || answer.status < 200 || answer.status >= 300) return undefined;
  const parsed = schema.safeParse(answer.body);
  return parsed.success ? parsed.data : undefined;
}
