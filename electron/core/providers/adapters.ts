// Every provider kind's adapter, by kind. Adding a kind means one adapter file and one line here.
import type { ProviderKind } from '../../../shared/types';
import type { ProviderAdapter } from './adapter';
import { anthropicAdapter } from './anthropic';
import { builtinAdapter } from './builtin';
import { deepseekAdapter } from './deepseek';
import { googleAdapter } from './google';
import { groqAdapter } from './groq';
import { mistralAdapter } from './mistral';
import { ollamaAdapter } from './ollama';
import { openaiAdapter } from './openai';
import { openaiCompatibleAdapter } from './openai-compatible';
import { xaiAdapter } from './xai';

export const ADAPTERS: Record<ProviderKind, ProviderAdapter> = {
  openai: openaiAdapter,
  anthropic: anthropicAdapter,
  google: googleAdapter,
  mistral: mistralAdapter,
  groq: groqAdapter,
  deepseek: deepseekAdapter,
  xai: xaiAdapter,
  'openai-compatible': openaiCompatibleAdapter,
  ollama: ollamaAdapter,
  builtin: builtinAdapter,
};
