// Where each cloud kind lives when the connection does not override it. Egress allows exactly
// these hosts (plus overrides) for the connections the user configured.
import type { ProviderKind } from '../../../shared/types';

export const DEFAULT_BASE_URLS: Record<ProviderKind, string | undefined> = {
  openai: 'https://api.openai.com/v1',
  anthropic: 'https://api.anthropic.com/v1',
  google: 'https://generativelanguage.googleapis.com/v1beta',
  mistral: 'https://api.mistral.ai/v1',
  groq: 'https://api.groq.com/openai/v1',
  deepseek: 'https://api.deepseek.com/v1',
  xai: 'https://api.x.ai/v1',
  'openai-compatible': undefined,
  ollama: 'http://127.0.0.1:11434',
  builtin: undefined,
};

export function effectiveBaseUrl(kind: ProviderKind, baseUrl?: string): string | undefined {
  return baseUrl ?? DEFAULT_BASE_URLS[kind];
}
