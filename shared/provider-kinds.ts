// Every fact about a provider kind that more than one place needs — its name, whether it needs a
// key or an address, where it lives by default, how it takes its key — owned here once. The core
// (registry, errors, egress allowlist, connections), the connection form and the catalog read it.
import type { ProviderKind } from './types';

export interface ProviderKindFacts {
  /** The kind's name in the connection form and on connection cards. */
  label: string;
  /** How error messages name the provider ("Anthropic says …"); absent when the connection's own name is the better word. */
  speaker?: string;
  /** The provider refuses every request without a key. */
  needsKey: boolean;
  /** The user must give an address: a server of their own, not a provider's fixed host. */
  needsUrl: boolean;
  /** Where the kind lives when a connection does not override it; egress allows exactly these hosts. */
  defaultUrl?: string;
  /** Prefilled in the form for a kind that needs an address but has no default (LM Studio's port). */
  suggestedUrl?: string;
  /** Runs inside Enclave (the built-in engine): no address, no network, always local. */
  inApp?: boolean;
  /** How the model listing sends the key: `Authorization: Bearer`, or the provider's own header. */
  keyHeader?: 'bearer' | 'x-api-key' | 'x-goog-api-key';
}

export const PROVIDER_KIND_FACTS: Record<ProviderKind, ProviderKindFacts> = {
  openai: { label: 'OpenAI', speaker: 'OpenAI', needsKey: true, needsUrl: false, defaultUrl: 'https://api.openai.com/v1', keyHeader: 'bearer' },
  anthropic: { label: 'Anthropic', speaker: 'Anthropic', needsKey: true, needsUrl: false, defaultUrl: 'https://api.anthropic.com/v1', keyHeader: 'x-api-key' },
  google: {
    label: 'Google Gemini',
    speaker: 'Google Gemini',
    needsKey: true,
    needsUrl: false,
    defaultUrl: 'https://generativelanguage.googleapis.com/v1beta',
    keyHeader: 'x-goog-api-key',
  },
  mistral: { label: 'Mistral', speaker: 'Mistral', needsKey: true, needsUrl: false, defaultUrl: 'https://api.mistral.ai/v1', keyHeader: 'bearer' },
  groq: { label: 'Groq', speaker: 'Groq', needsKey: true, needsUrl: false, defaultUrl: 'https://api.groq.com/openai/v1', keyHeader: 'bearer' },
  deepseek: { label: 'DeepSeek', speaker: 'DeepSeek', needsKey: true, needsUrl: false, defaultUrl: 'https://api.deepseek.com/v1', keyHeader: 'bearer' },
  xai: { label: 'xAI', speaker: 'xAI', needsKey: true, needsUrl: false, defaultUrl: 'https://api.x.ai/v1', keyHeader: 'bearer' },
  'openai-compatible': { label: 'OpenAI-compatible server', needsKey: false, needsUrl: true, suggestedUrl: 'http://127.0.0.1:1234/v1', keyHeader: 'bearer' },
  ollama: { label: 'Ollama', speaker: 'Ollama', needsKey: false, needsUrl: true, defaultUrl: 'http://127.0.0.1:11434', keyHeader: 'bearer' },
  builtin: { label: 'Built-in (GGUF file)', speaker: 'The built-in engine', needsKey: false, needsUrl: false, inApp: true },
};

/** The address a connection uses: its own, or its kind's default. */
export function effectiveBaseUrl(kind: ProviderKind, baseUrl?: string): string | undefined {
  return baseUrl ?? PROVIDER_KIND_FACTS[kind].defaultUrl;
}

/** The header that carries `apiKey` for `kind`'s model listing; none without a key. */
export function keyHeaders(kind: ProviderKind, apiKey: string | undefined): Record<string, string> {
  const how = PROVIDER_KIND_FACTS[kind].keyHeader;
  if (!apiKey || !how) return {};
  return how === 'bearer' ? { authorization: `Bearer ${apiKey}` } : { [how]: apiKey };
}
