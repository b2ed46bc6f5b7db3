// Test-side readers for what the fakes send: whole bodies, SSE frames, NDJSON lines.

export interface SseFrame {
  event?: string;
  data?: string;
  comment?: string;
}

/** Splits an SSE body on blank lines (any of `\n\n`, `\r\r`, `\r\n\r\n`) into frames. */
export function sseFrames(body: string): SseFrame[] {
  return body
    .split(/\r\n\r\n|\r\r|\n\n/)
    .filter((block) => block.length > 0)
    .map((block) => {
      const frame: SseFrame = {};
      for (const line of block.split(/\r\n|\r|\n/)) {
        if (line.startsWith(':')) frame.comment = line.slice(1).trim();
        else if (line.startsWith('event: ')) frame.event = line.slice('event: '.length);
        else if (line.startsWith('data: ')) frame.data = line.slice('data: '.length);
      }
      return frame;
    });
}

export function ndjsonLines(body: string): unknown[] {
  return body
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => JSON.parse(line) as unknown);
}

/** Reads a response body to the end, or until it fails; says which. */
export async function readBody(res: Response): Promise<{ text: string; failed: boolean }> {
  const reader = res.body?.getReader();
  if (reader === undefined) return { text: '', failed: false };
  const decoder = new TextDecoder();
  let text = '';
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return { text: text + decoder.decode(), failed: false };
      text += decoder.decode(value, { stream: true });
    }
  } catch {
    return { text: text + decoder.decode(), failed: true };
  }
}

/** Resolves when `check` holds, polling briefly; rejects after `timeoutMs`. */
export async function eventually(check: () => boolean, timeoutMs = 2000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
