// xAI. @ai-sdk/xai v5 speaks only xAI's Responses API (POST /v1/responses), not chat completions.
import { createXai } from '@ai-sdk/xai';
import type { ProviderAdapter } from '../adapter';
import { listOpenAiStyleModels } from '../models/list-openai';

const NOT_CHAT = /image|imagine|video|vision-beta-image/;

export const xaiAdapter: ProviderAdapter = {
  kind: 'xai',
  createModel: ({ baseUrl, modelId, fetch, apiKey }) => createXai({ baseURL: baseUrl, fetch, ...(apiKey ? { apiKey } : {}) })(modelId),
  listModels: (args) => listOpenAiStyleModels(args, (id) => !NOT_CHAT.test(id)),
};
