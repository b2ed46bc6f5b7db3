// ollama-ai-provider-v2 drops NDJSON lines that fail its chunk schema, and Ollama's mid-stream
// failure is exactly such a line: `{"error":"…"}` with HTTP 200 (wire doc §4.4). Dropped, the
// reply would look complete. This guard turns that line into a stream error, and a body that
// ends without the `done:true` line into a malformed-stream error, as ollama-js does.
import { InvalidResponseDataError, StreamProviderError } from 'ai';
import type { Fetch } from './adapter';

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

function ndjsonGuard(): TransformStream<Uint8Array, Uint8Array> {
  const decoder = new TextDecoder();
  const encoder = new TextEncoder();
  let buffer = '';
  let sawDone = false;
  const pass = (line: string, controller: TransformStreamDefaultController<Uint8Array>): boolean => {
    const error = errorOf(line);
    if (error !== undefined) {
      controller.error(new StreamProviderError({ message: error, data: { error } }));
      return false;
    }
    if (/"done"\s*:\s*true/.test(line)) sawDone = true;
    controller.enqueue(encoder.encode(`${line}\n`));
    return true;
  };
  return new TransformStream({
    transform(chunk, controller) {
      buffer += decoder.decode(chunk, { stream: true });
      let nl = buffer.indexOf('\n');
      while (nl >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        if (line.trim() !== '' && !pass(line, controller)) return;
        nl = buffer.indexOf('\n');
      }
    },
    flush(controller) {
      buffer += decoder.decode();
      if (buffer.trim() !== '' && !pass(buffer, controller)) return;
      if (!sawDone) controller.error(new InvalidResponseDataError({ data: null, message: 'Ollama ended the stream without its final "done" line.' }));
    },
  });
}

export function guardOllamaFetch(fetch: Fetch): Fetch {
  return async (input, init) => {
    const response = await fetch(input, init);
    if (!response.ok || !response.body || !(response.headers.get('content-type') ?? '').includes('ndjson')) return response;
    return new Response(response.body.pipeThrough(ndjsonGuard()), {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  };
}
