// DeepSeek (reasoning_content deltas become reasoning parts; `: keep-alive` comments are skipped).
import { createDeepSeek } from '@ai-sdk/deepseek';
import type { ProviderAdapter } from '../adapter';
import { listOpenAiStyleModels } from '../models/list-openai';

export const deepseekAdapter: ProviderAdapter = {
  kind: 'deepseek',
  createModel: ({ baseUrl, modelId, fetch, apiKey }) => createDeepSeek({ baseURL: baseUrl, fetch, ...(apiKey ? { apiKey } : {}) })(modelId),
  listModels: (args) => listOpenAiStyleModels(args),
};
