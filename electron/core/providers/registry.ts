// Turns a connection and a model id into an AI SDK LanguageModel, through the kind's adapter,
// with egress's fetch and the connection's (or the kind's default) base URL.
import type { LanguageModel } from 'ai';
import type { Connection, ProviderKind } from '../../../shared/types';
import { effectiveBaseUrl, PROVIDER_KIND_FACTS } from '../../../shared/provider-kinds';
import { UserFacingError } from '../errors/user-facing-error';
import type { BuiltinRuntime } from '../builtin/builtin-runtime';
import type { Fetch } from './adapter';
import { loadAdapter } from './adapters';
import { turnError, type ErrorContext } from './turn/errors';

export interface ModelDeps {
  fetch: Fetch;
  apiKey?: string;
  builtin?: BuiltinRuntime;
}

/** How errors of a model made here name its provider and which key they must mask. */
const contexts = new WeakMap<object, ErrorContext>();

export function baseUrlFor(conn: Pick<Connection, 'kind' | 'name' | 'baseUrl'>): string {
  if (PROVIDER_KIND_FACTS[conn.kind].inApp) return '';
  const base = effectiveBaseUrl(conn.kind, conn.baseUrl);
  if (!base) {
    throw new UserFacingError({ kind: 'bad-request', message: `${conn.name} has no base URL. Add one in Connections, such as http://127.0.0.1:1234/v1.` });
  }
  return base.replace(/\/+$/, '');
}

/** Throws a 'no-key' UserFacingError when the kind cannot work without a key. */
export function requireKey(conn: Pick<Connection, 'kind' | 'name'>, apiKey: string | undefined): void {
  if (PROVIDER_KIND_FACTS[conn.kind].needsKey && !apiKey) throw new UserFacingError(turnError('no-key', { kind: conn.kind, name: conn.name }));
}

/** Async because the kind's provider package is imported on its first use (adapters.ts). */
export async function createLanguageModel(conn: Connection, modelId: string, deps: ModelDeps): Promise<LanguageModel> {
  requireKey(conn, deps.apiKey);
  const adapter = await loadAdapter(conn.kind);
  const model = adapter.createModel({
    baseUrl: baseUrlFor(conn),
    modelId,
    fetch: deps.fetch,
    ...(deps.apiKey ? { apiKey: deps.apiKey } : {}),
    ...(deps.builtin ? { builtin: deps.builtin } : {}),
  });
  contexts.set(model, { kind: conn.kind, name: conn.name, ...(deps.apiKey ? { apiKey: deps.apiKey } : {}) });
  return model;
}

/** The error context of a model; for models made elsewhere, guessed from its provider id. */
export function errorContextOf(model: LanguageModel): ErrorContext {
  if (typeof model === 'object') {
    const known = contexts.get(model);
    if (known) return known;
    const provider = model.provider;
    const kinds = Object.keys(PROVIDER_KIND_FACTS) as ProviderKind[];
    const kind = kinds.filter((k) => provider === k || provider.startsWith(`${k}.`)).sort((a, b) => b.length - a.length)[0];
    if (kind) return { kind };
    return { kind: 'openai-compatible', name: provider.split('.')[0] ?? provider };
  }
  return { kind: 'openai-compatible', name: model };
}
