// Body sizes for the ledger: what went up and what came down, never what it said.

export function bodySize(body: unknown): number {
  if (body == null) return 0;
  if (typeof body === 'string') return Buffer.byteLength(body);
  if (body instanceof ArrayBuffer) return body.byteLength;
  if (ArrayBuffer.isView(body)) return body.byteLength;
  if (body instanceof URLSearchParams) return Buffer.byteLength(body.toString());
  if (typeof Blob !== 'undefined' && body instanceof Blob) return body.size;
  return 0;
}

/** Wraps a body so `onDone` learns how many bytes were read and how the read ended. */
export function countingBody(body: ReadableStream<Uint8Array>, onDone: (bytes: number, outcome: 'ok' | 'aborted' | 'network-error') => void): ReadableStream<Uint8Array> {
  let bytes = 0;
  let finished = false;
  const finish = (outcome: 'ok' | 'aborted' | 'network-error') => {
    if (finished) return;
    finished = true;
    onDone(bytes, outcome);
  };
  const reader = body.getReader();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { done, value } = await reader.read();
        if (done) {
          finish('ok');
          controller.close();
          return;
        }
        bytes += value.byteLength;
        controller.enqueue(value);
      } catch (err) {
        finish(isAbort(err) ? 'aborted' : 'network-error');
        controller.error(err);
      }
    },
    async cancel(reason) {
      finish('aborted');
      await reader.cancel(reason).catch(() => undefined);
    },
  });
}

export function isAbort(err: unknown): boolean {
  return err instanceof Error && (err.name === 'AbortError' || err.name === 'TimeoutError');
}
