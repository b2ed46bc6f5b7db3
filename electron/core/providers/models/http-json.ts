// GET a JSON document through the injected fetch and validate it (network in = trust boundary).
// Failures are thrown as the AI SDK's own error classes so errors.ts classifies listing and
// streaming failures with the same rules.
import { APICallError, InvalidResponseDataError } from 'ai';
import type { z } from 'zod';
import type { Fetch } from '../adapter';

export interface GetJsonArgs<T> {
  fetch: Fetch;
  url: string;
  headers?: Record<string, string>;
  schema: z.ZodType<T>;
  signal?: AbortSignal;
}

export async function getJson<T>({ fetch, url, headers, schema, signal }: GetJsonArgs<T>): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { method: 'GET', headers: { accept: 'application/json', ...headers }, ...(signal ? { signal } : {}) });
  } catch (cause) {
    if (cause instanceof Error && (cause.name === 'AbortError' || cause.name === 'EgressRefusedError')) throw cause;
    throw new APICallError({ message: 'Cannot connect to API', url, requestBodyValues: undefined, cause, isRetryable: true });
  }
  const text = await response.text();
  if (!response.ok) {
    throw new APICallError({
      message: response.statusText || `HTTP ${response.status}`,
      url,
      requestBodyValues: undefined,
      statusCode: response.status,
      responseHeaders: Object.fromEntries(response.headers.entries()),
      responseBody: text,
    });
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (cause) {
    throw new InvalidResponseDataError({ data: text.slice(0, 200), message: `Not JSON: ${cause instanceof Error ? cause.message : String(cause)}` });
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    throw new InvalidResponseDataError({ data: text.slice(0, 200), message: `Unexpected model list: ${parsed.error.issues[0]?.message ?? 'invalid'}` });
  }
  return parsed.data;
}

export function joinUrl(base: string, path: string, query?: Record<string, string | undefined>): string {
  const url = new URL(`${base.replace(/\/+$/, '')}${path}`);
  for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined) url.searchParams.set(k, v);
  return url.href;
}
