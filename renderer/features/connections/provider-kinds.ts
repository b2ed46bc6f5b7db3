import type { ProviderKind } from '../../../shared/types';

export const KIND_INFO: Record<ProviderKind, { label: string; needsKey: boolean; needsUrl: boolean; defaultUrl?: string }> = {
  openai: { label: 'OpenAI', needsKey: true, needsUrl: false },
  anthropic: { label: 'Anthropic', needsKey: true, needsUrl: false },
  google: { label: 'Google Gemini', needsKey: true, needsUrl: false },
  mistral: { label: 'Mistral', needsKey: true, needsUrl: false },
  groq: { label: 'Groq', needsKey: true, needsUrl: false },
  deepseek: { label: 'DeepSeek', needsKey: true, needsUrl: false },
  xai: { label: 'xAI', needsKey: true, needsUrl: false },
  'openai-compatible': { label: 'OpenAI-compatible server', needsKey: false, needsUrl: true, defaultUrl: 'http://127.0.0.1:1234/v1' },
  ollama: { label: 'Ollama', needsKey: false, needsUrl: true, defaultUrl: 'http://127.0.0.1:11434' },
};
