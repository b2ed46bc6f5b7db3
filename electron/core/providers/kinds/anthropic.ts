// Anthropic Messages API (thinking blocks arrive as reasoning parts; usage is cumulative and the
// SDK overwrites rather than adds, as the docs/provider-wire-formats.md §7 requires).
import { createAnthropic } from '@ai-sdk/anthropic';
import type { ProviderAdapter } from '../adapter';
import { listAnthropicModels } from '../models/list-anthropic';

export const anthropicAdapter: ProviderAdapter = {
  kind: 'anthropic',
  createModel: ({ baseUrl, modelId, fetch, apiKey }) => createAnthropic({ baseURL: baseUrl, fetch, ...(apiKey ? { apiKey } : {}) })(modelId),
  listModels: listAnthropicModels,
};
