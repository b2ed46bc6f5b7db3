import type { ProviderKind } from '../../../shared/types';

export interface KindInfo {
  label: string;
  needsKey: boolean;
  needsUrl: boolean;
  /** Filled in for kinds that need an address (local servers). */
  defaultUrl?: string;
  /** Shown greyed out where the provider's own address is the default. */
  placeholderUrl?: string;
  /** Runs inside Enclave: no address, models are files added by path. */
  inApp?: boolean;
}

export const KIND_INFO: Record<ProviderKind, KindInfo> = {
  openai: { label: 'OpenAI', needsKey: true, needsUrl: false, placeholderUrl: 'https://api.openai.com/v1' },
  anthropic: { label: 'Anthropic', needsKey: true, needsUrl: false, placeholderUrl: 'https://api.anthropic.com/v1' },
  google: { label: 'Google Gemini', needsKey: true, needsUrl: false, placeholderUrl: 'https://generativelanguage.googleapis.com/v1beta' },
  mistral: { label: 'Mistral', needsKey: true, needsUrl: false, placeholderUrl: 'https://api.mistral.ai/v1' },
  groq: { label: 'Groq', needsKey: true, needsUrl: false, placeholderUrl: 'https://api.groq.com/openai/v1' },
  deepseek: { label: 'DeepSeek', needsKey: true, needsUrl: false, placeholderUrl: 'https://api.deepseek.com/v1' },
  xai: { label: 'xAI', needsKey: true, needsUrl: false, placeholderUrl: 'https://api.x.ai/v1' },
  'openai-compatible': { label: 'OpenAI-compatible server', needsKey: false, needsUrl: true, defaultUrl: 'http://127.0.0.1:1234/v1' },
  ollama: { label: 'Ollama', needsKey: false, needsUrl: true, defaultUrl: 'http://127.0.0.1:11434' },
  builtin: { label: 'Built-in (GGUF file)', needsKey: false, needsUrl: false, inApp: true },
};
