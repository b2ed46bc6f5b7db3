// window.enclave for the browser harness: the same named functions as the Electron preload,
// carried over HTTP (calls) and server-sent events (stream batches). Built by harness/server.ts.
import { CALL_NAMES } from '../shared/call-names';
import type { CallResult, EnclaveApi } from '../shared/contract';
import type { StreamEvent } from '../shared/types';

const script = document.currentScript as HTMLScriptElement | null;
const token = script ? (new URL(script.src).searchParams.get('token') ?? '') : '';

async function invoke(name: string, request: unknown): Promise<CallResult<unknown>> {
  // A call can start a stream: hold it until the event stream is connected, or its first events
  // (a fast reply's whole life) are sent to nobody. Bounded, so a refused stream never blocks calls.
  await eventsReady;
  try {
    const res = await fetch(`/__harness/call/${name}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-enclave-token': token },
      body: JSON.stringify(request ?? {}),
    });
    // The engine could not start after this page was served (the server listens before it
    // starts): reloading shows the page that says why.
    if (res.status === 503) location.reload();
    return (await res.json()) as CallResult<unknown>;
  } catch (err) {
    return { ok: false, error: { kind: 'failed', message: `The Enclave engine is not answering (${String(err)}).` } };
  }
}

const listeners = new Set<(events: StreamEvent[]) => void>();
let source: EventSource | undefined;
let eventsReady: Promise<void> = Promise.resolve();

function ensureSource() {
  if (source) return;
  const es = new EventSource(`/__harness/events?token=${encodeURIComponent(token)}`);
  source = es;
  eventsReady = new Promise((resolve) => {
    es.addEventListener('open', () => resolve(), { once: true });
    es.addEventListener('error', () => resolve(), { once: true });
    setTimeout(resolve, 5000);
  });
  es.addEventListener('stream', (e) => {
    const events = JSON.parse((e as MessageEvent<string>).data) as StreamEvent[];
    for (const l of listeners) l(events);
  });
}

const api: Record<string, unknown> = {
  onStreamEvents(listener: (events: StreamEvent[]) => void) {
    ensureSource();
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};
for (const name of CALL_NAMES) api[name] = (request: unknown) => invoke(name, request);

Object.defineProperty(window, 'enclave', { value: Object.freeze(api) as EnclaveApi, writable: false });
ensureSource();
