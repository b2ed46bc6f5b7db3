// ollama-ai-provider-v2 drops NDJSON lines that fail its chunk schema, and Ollama's mid-stream
// failure is exactly such a line: `{"error":"…"}` with HTTP 200 (docs/provider-wire-formats.md §4.4). Dropped, the
// reply would end as if complete. The guard watches the body for that line (and for a body that
// ends without the final `done:true` line, which ollama-js also treats as an error) and puts an
// error part into the model's own stream, in order, so the text before it is kept.
//
// Erroring the HTTP body instead would lose that text: every TransformStream the SDK pipes the
// body through discards what it still holds when its source errors.
import { AsyncLocalStorage } from 'node:async_hooks';
import { InvalidResponseDataError, StreamProviderError, type LanguageModelMiddleware } from 'ai';
import type { Fetch } from '../adapter';

interface CallState {
  failure?: Error;
}

function errorOf(line: string): string | undefined {
  if (!line.includes('"error"')) return undefined;
  try {
    const value = JSON.parse(line) as unknown;
    if (typeof value === 'object' && value !== null && 'error' in value) {
      const error = (value as { error: unknown }).error;
      return typeof error === 'string' ? error : JSON.stringify(error);
    }
  } catch {
    // a broken line is the parser's business, not ours
  }
  return undefined;
}

/**
 * Ollama's final `done:true` line may come without `message` (seen from older servers and
 * some proxies); the provider's schema requires it and would drop the line with its usage
 * and finish reason. An empty assistant message changes nothing else.
 */
function withMessage(line: string): string {
  try {
    const value = JSON.parse(line) as unknown;
    if (typeof value !== 'object' || value === null || Array.isArray(value) || 'message' in value) return line;
    return JSON.stringify({ ...value, message: { role: 'assistant', content: '' } });
  } catch {
    return line;
  }
}

/** Passes lines through until an error line; then ends the body cleanly and notes the failure. */
function watched(body: ReadableStream<Uint8Array>, state: CallState): ReadableStream<Uint8Array> {
  const decoder = new TextDecoder();
  const encoder = new TextEncoder();
  let buffer = '';
  let sawDone = false;
  let failed = false;
  const take = (lines: string[], controller: TransformStreamDefaultController<Uint8Array>) => {
    const out: string[] = [];
    for (const line of lines) {
      if (failed || line.trim() === '') continue;
      const error = errorOf(line);
      if (error !== undefined) {
        failed = true;
        state.failure = new StreamProviderError({ message: error, data: { error } });
        continue;
      }
      if (/"done"\s*:\s*true/.test(line)) {
        sawDone = true;
        out.push(`${withMessage(line)}\n`);
        continue;
      }
      out.push(`${line}\n`);
    }
    if (out.length > 0) controller.enqueue(encoder.encode(out.join('')));
  };
  return body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        buffer += decoder.decode(chunk, { stream: true });
        const lines = buffer.split('\n');
        buffer = lines.pop() ?? '';
        take(lines, controller);
      },
      flush(controller) {
        take([buffer + decoder.decode()], controller);
        if (!failed && !sawDone) {
          state.failure = new InvalidResponseDataError({ data: null, message: 'Ollama ended the stream without its final "done" line.' });
        }
      },
    }),
  );
}

export function createOllamaGuard(fetch: Fetch): { fetch: Fetch; middleware: LanguageModelMiddleware } {
  const calls = new AsyncLocalStorage<CallState>();
  const guardedFetch: Fetch = async (input, init) => {
    const response = await fetch(input, init);
    const state = calls.getStore();
    if (!state || !response.ok || !response.body || !(response.headers.get('content-type') ?? '').includes('ndjson')) return response;
    return new Response(watched(response.body, state), { status: response.status, statusText: response.statusText, headers: response.headers });
  };
  const middleware: LanguageModelMiddleware = {
    wrapStream: async ({ doStream }) => {
      const state: CallState = {};
      const result = await calls.run(state, doStream);
      let reported = false;
      const report = (controller: TransformStreamDefaultController<typeof result.stream extends ReadableStream<infer P> ? P : never>) => {
        if (state.failure && !reported) {
          reported = true;
          controller.enqueue({ type: 'error', error: state.failure });
        }
      };
      return {
        ...result,
        stream: result.stream.pipeThrough(
          new TransformStream({
            transform(part, controller) {
              if (part.type === 'finish') report(controller);
              controller.enqueue(part);
            },
            flush: report,
          }),
        ),
      };
    },
  };
  return { fetch: guardedFetch, middleware };
}
