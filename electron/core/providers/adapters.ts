// Every provider kind's adapter, by kind. Adding a kind means one adapter file and one line here.
import type { ProviderKind } from '../../../shared/types';
import type { ProviderAdapter } from './adapter';
import { anthropicAdapter } from './kinds/anthropic';
import { builtinAdapter } from './kinds/builtin';
import { deepseekAdapter } from './kinds/deepseek';
import { googleAdapter } from './kinds/google';
import { groqAdapter } from './kinds/groq';
import { mistralAdapter } from './kinds/mistral';
import { ollamaAdapter } from './kinds/ollama';
import { openaiAdapter } from './kinds/openai';
import { openaiCompatibleAdapter } from './kinds/openai-compatible';
import { xaiAdapter } from './kinds/xai';

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
