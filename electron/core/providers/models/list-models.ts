// Lists a connection's models through its provider's own listing endpoint and the given fetch.
// Failures are thrown as-is; classifyError turns them into ChatErrors (a missing key is already one).
import type { Connection, ModelInfo } from '../../../../shared/types';
import type { BuiltinRuntime } from '../../builtin/builtin-runtime';
import type { Fetch } from '../adapter';
import { loadAdapter } from '../adapters';
import { baseUrlFor, requireKey } from '../registry';

export interface ListModelsDeps {
  fetch: Fetch;
  apiKey?: string;
  signal?: AbortSignal;
  builtin?: BuiltinRuntime;
}

export async function listModels(conn: Connection, deps: ListModelsDeps): Promise<ModelInfo[]> {
  requireKey(conn, deps.apiKey);
  const adapter = await loadAdapter(conn.kind);
  const models = await adapter.listModels({
    baseUrl: baseUrlFor(conn),
    fetch: deps.fetch,
    ...(deps.apiKey ? { apiKey: deps.apiKey } : {}),
    ...(deps.signal ? { signal: deps.signal } : {}),
    ...(deps.builtin ? { builtin: deps.builtin } : {}),
  });
  const seen = new Set<string>();
  return models.filter((m) => (seen.has(m.id) ? false : (seen.add(m.id), true)));
}
