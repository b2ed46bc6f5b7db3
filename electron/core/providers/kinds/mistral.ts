// Mistral La Plateforme (thinking arrives as typed content chunks; the SDK maps them).
import { createMistral } from '@ai-sdk/mistral';
import type { ProviderAdapter } from '../adapter';
import { listOpenAiStyleModels } from '../models/list-openai';

export const mistralAdapter: ProviderAdapter = {
  kind: 'mistral',
  createModel: ({ baseUrl, modelId, fetch, apiKey }) => createMistral({ baseURL: baseUrl, fetch, ...(apiKey ? { apiKey } : {}) })(modelId),
  listModels: (args) => listOpenAiStyleModels(args),
};
