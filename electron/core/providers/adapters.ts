// Every provider kind: the facts the engine needs at once, and its adapter, imported on first use.
// The provider SDK packages cost ~400 ms of start-up CPU together (bench section 8), so start-up
// loads none of them. Adding a kind means one adapter file, one fact line and one loader line.
import type { ProviderKind } from '../../../shared/types';
import type { ProviderAdapter } from './adapter';

export type ProviderFacts = Pick<ProviderAdapter, 'label' | 'needsKey' | 'runsInApp'>;

/** Must agree with each adapter's own fields; tests/unit/provider-adapters-lazy.test.ts checks. */
export const PROVIDER_FACTS: Record<ProviderKind, ProviderFacts> = {
  openai: { label: 'OpenAI', needsKey: true },
  anthropic: { label: 'Anthropic', needsKey: true },
  google: { label: 'Google Gemini', needsKey: true },
  mistral: { label: 'Mistral', needsKey: true },
  groq: { label: 'Groq', needsKey: true },
  deepseek: { label: 'DeepSeek', needsKey: true },
  xai: { label: 'xAI', needsKey: true },
  'openai-compatible': { needsKey: false },
  ollama: { label: 'Ollama', needsKey: false },
  builtin: { label: 'The built-in engine', needsKey: false, runsInApp: true },
};

const LOADERS: Record<ProviderKind, () => Promise<ProviderAdapter>> = {
  openai: async () => (await import('./openai')).openaiAdapter,
  anthropic: async () => (await import('./anthropic')).anthropicAdapter,
  google: async () => (await import('./google')).googleAdapter,
  mistral: async () => (await import('./mistral')).mistralAdapter,
  groq: async () => (await import('./groq')).groqAdapter,
  deepseek: async () => (await import('./deepseek')).deepseekAdapter,
  xai: async () => (await import('./xai')).xaiAdapter,
  'openai-compatible': async () => (await import('./openai-compatible')).openaiCompatibleAdapter,
  ollama: async () => (await import('./ollama')).ollamaAdapter,
  builtin: async () => (await import('./builtin')).builtinAdapter,
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
