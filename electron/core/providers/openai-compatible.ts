// Any server that speaks OpenAI Chat Completions at a custom base URL: Together, Fireworks,
// OpenRouter, LM Studio, llama.cpp, vLLM, Ollama's /v1. The key is optional (local servers).
import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import type { ProviderAdapter } from './adapter';
import { listOpenAiStyleModels } from './list-openai';

export const openaiCompatibleAdapter: ProviderAdapter = {
  kind: 'openai-compatible',
  needsKey: false,
  createModel: ({ baseUrl, modelId, fetch, apiKey }) =>
    createOpenAICompatible({
      name: 'openai-compatible',
      baseURL: baseUrl,
      fetch,
      // Without it most servers never send token counts in a stream.
      includeUsage: true,
      ...(apiKey ? { apiKey } : {}),
    }).chatModel(modelId),
  listModels: (args) => listOpenAiStyleModels(args),
};
