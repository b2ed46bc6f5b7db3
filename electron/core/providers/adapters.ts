// Every provider kind's adapter, imported on first use. The provider SDK packages cost ~400 ms of
// start-up CPU together (bench section 8), so start-up loads none of them; the facts the engine
// needs before that (label, key, address) live in shared/provider-kinds.ts.
// Adding a kind means one adapter file in kinds/, one fact line there and one loader line here.
import type { ProviderKind } from '../../../shared/types';
import type { ProviderAdapter } from './adapter';

const LOADERS: Record<ProviderKind, () => Promise<ProviderAdapter>> = {
  openai: async () => (await import('./kinds/openai')).openaiAdapter,
  anthropic: async () => (await import('./kinds/anthropic')).anthropicAdapter,
  google: async () => (await import('./kinds/google')).googleAdapter,
  mistral: async () => (await import('./kinds/mistral')).mistralAdapter,
  groq: async () => (await import('./kinds/groq')).groqAdapter,
  deepseek: async () => (await import('./kinds/deepseek')).deepseekAdapter,
  xai: async () => (await import('./kinds/xai')).xaiAdapter,
  'openai-compatible': async () => (await import('./kinds/openai-compatible')).openaiCompatibleAdapter,
  ollama: async () => (await import('./kinds/ollama')).ollamaAdapter,
  builtin: async () => (await import('./kinds/builtin')).builtinAdapter,
};

const loading = new Map<ProviderKind, Promise<ProviderAdapter>>();

/** The kind's adapter, importing its provider package the first time it is asked for. */
export function loadAdapter(kind: ProviderKind): Promise<ProviderAdapter> {
  let adapter = loading.get(kind);
  if (!adapter) {
    adapter = LOADERS[kind]();
    // A failed import (a broken install) is tried again next time rather than remembered.
    adapter.catch(() => loading.delete(kind));
    loading.set(kind, adapter);
  }
  return adapter;
}
