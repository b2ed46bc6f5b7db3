// OpenAI through the Responses API: the only OpenAI API that streams reasoning summaries.
import { createOpenAI } from '@ai-sdk/openai';
import type { ProviderAdapter } from '../adapter';
import { withProviderOptions } from './call-defaults';
import { listOpenAiStyleModels } from '../models/list-openai';

/** o-series and gpt-5+: the models that take `reasoning.summary`. */
const REASONING_MODEL = /^(o\d|gpt-([5-9]|\d{2,}))/;
/** Listing returns every model the key can reach; keep the ones that chat. */
const NOT_CHAT = /embedding|tts|whisper|dall-e|image|moderation|davinci|babbage|transcribe|realtime|audio|search|computer-use|sora/;

export const openaiAdapter: ProviderAdapter = {
  kind: 'openai',
  createModel({ baseUrl, modelId, fetch, apiKey }) {
    const model = createOpenAI({ baseURL: baseUrl, fetch, ...(apiKey ? { apiKey } : {}) }).responses(modelId);
    // store:false — the Responses API otherwise keeps every exchange on OpenAI's side for 30 days,
    // which a private client must not opt its users into.
    return withProviderOptions(model, 'openai', {
      store: false,
      ...(REASONING_MODEL.test(modelId) ? { reasoningSummary: 'auto' } : {}),
    });
  },
  listModels: (args) => listOpenAiStyleModels(args, (id) => !NOT_CHAT.test(id)),
};
