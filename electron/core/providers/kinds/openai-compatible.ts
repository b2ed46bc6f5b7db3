// Any server that speaks OpenAI Chat Completions at a custom base URL: Together, Fireworks,
// OpenRouter, LM Studio, llama.cpp, vLLM, Ollama's /v1. The key is optional (local servers).
import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import { wrapLanguageModel } from 'ai';
import type { ProviderAdapter } from '../adapter';
import { INLINE_REASONING } from './inline-reasoning';
import { listOpenAiStyleModels } from '../models/list-openai';
import { usageConverterFor } from './xai-chat-usage';

export const openaiCompatibleAdapter: ProviderAdapter = {
  kind: 'openai-compatible',
  createModel: ({ baseUrl, modelId, fetch, apiKey }) => {
    const convertUsage = usageConverterFor(baseUrl);
    const model = createOpenAICompatible({
      name: 'openai-compatible',
      baseURL: baseUrl,
      fetch,
      // Without it most servers never send token counts in a stream.
      includeUsage: true,
      ...(apiKey ? { apiKey } : {}),
      ...(convertUsage ? { convertUsage } : {}),
    }).chatModel(modelId);
    return wrapLanguageModel({ model, middleware: INLINE_REASONING });
  },
  listModels: (args) => listOpenAiStyleModels(args),
};
