// Looks for model servers already running on this machine, on their default ports, all at once.
// Loopback only: a candidate off this machine is dropped before any request is made.
import type { DiscoveredServer } from '../../../shared/contract';
import type { Fetch } from './get-json';
import { DEFAULT_TIMEOUT_MS, probeServer } from './probe-server';
import { parseLocalServerUrl, serverKey } from './server-url';

/** Default ports (provider-wire-formats.md section 1). llama-server moved from 8080 to 9931. */
export const DEFAULT_CANDIDATES: readonly string[] = [
  'http://127.0.0.1:11434', // Ollama
  'http://127.0.0.1:1234', // LM Studio
  'http://127.0.0.1:8080', // llama.cpp (older builds, Docker examples)
  'http://127.0.0.1:9931', // llama.cpp (current README)
  'http://127.0.0.1:8000', // vLLM
];

export interface FindLocalServersOptions {
  fetch: Fetch;
  candidates?: readonly string[];
  timeoutMs?: number;
  knownBaseUrls: readonly string[];
  signal?: AbortSignal;
}

export async function findLocalServers(opts: FindLocalServersOptions): Promise<DiscoveredServer[]> {
  const seen = new Set<string>();
  const local = (opts.candidates ?? DEFAULT_CANDIDATES).filter((candidate) => {
    const key = serverKey(candidate);
    if (!parseLocalServerUrl(candidate).ok || key === undefined || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const results = await Promise.all(
    local.map((candidate) =>
      probeServer(candidate, {
        fetch: opts.fetch,
        timeoutMs: opts.timeoutMs ?? DEFAULT_TIMEOUT_MS,
        knownBaseUrls: opts.knownBaseUrls,
        signal: opts.signal,
      }),
    ),
  );
  return results.flatMap((r) => (r.kind === 'found' ? [r.server] : []));
}
