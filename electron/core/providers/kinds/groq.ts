// Groq (OpenAI-shaped, under /openai/v1).
import { createGroq } from '@ai-sdk/groq';
import type { ProviderAdapter } from '../adapter';
import { withProviderOptions } from './call-defaults';
import { listOpenAiStyleModels } from '../models/list-openai';

/** Groq rejects reasoning_format on models that do not reason. */
const REASONING_MODEL = /qwen3|qwq|deepseek-r1|gpt-oss/;
const NOT_CHAT = /whisper|tts|playai|guard/;

export const groqAdapter: ProviderAdapter = {
  kind: 'groq',
  createModel({ baseUrl, modelId, fetch, apiKey }) {
    const model = createGroq({ baseURL: baseUrl, fetch, ...(apiKey ? { apiKey } : {}) })(modelId);
    return REASONING_MODEL.test(modelId) ? withProviderOptions(model, 'groq', { reasoningFormat: 'parsed' }) : model;
  },
  listModels: (args) => listOpenAiStyleModels(args, (id) => !NOT_CHAT.test(id)),
};
