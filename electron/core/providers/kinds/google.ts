// Gemini Developer API (generativelanguage.googleapis.com/v1beta).
import { createGoogle } from '@ai-sdk/google';
import type { ProviderAdapter } from '../adapter';
import { withProviderOptions } from './call-defaults';
import { listGeminiModels } from '../models/list-gemini';

/** Gemini 2.5 and later think; without includeThoughts their thoughts are never sent back. */
const THINKING_MODEL = /gemini-(2\.5|[3-9])|thinking/;

export const googleAdapter: ProviderAdapter = {
  kind: 'google',
  createModel({ baseUrl, modelId, fetch, apiKey }) {
    const model = createGoogle({ baseURL: baseUrl, fetch, ...(apiKey ? { apiKey } : {}) })(modelId);
    return THINKING_MODEL.test(modelId) ? withProviderOptions(model, 'google', { thinkingConfig: { includeThoughts: true } }) : model;
  },
  listModels: listGeminiModels,
};
