// Ollama's native /api/chat (NDJSON), through ollama-ai-provider-v2, which wants `<host>/api`.
import { wrapLanguageModel } from 'ai';
import { createOllama } from 'ollama-ai-provider-v2';
import type { ProviderAdapter } from '../adapter';
import { withCallDefaults, type CallParams } from './call-defaults';
import { INLINE_REASONING } from './inline-reasoning';
import { listOllamaModels } from '../models/list-ollama';
import { createOllamaGuard } from './ollama-stream-guard';

/** Models that think; asking a model that cannot think to think is a 400 from Ollama. */
const THINKING_MODEL = /deepseek-r1|qwen3|qwq|gpt-oss|magistral|thinking|reasoning|cogito/i;

/** People paste the host with or without the API path; the adapter wants the bare host. */
export function ollamaHost(baseUrl: string): string {
  return baseUrl.replace(/\/+$/, '').replace(/\/(api|v1)$/, '');
}

/**
 * The provider sends temperature and max tokens as top-level fields, which /api/chat ignores:
 * Ollama reads them from `options` (`temperature`, `num_predict`; docs/provider-wire-formats.md §2.5). It also sends
 * `think:false` unless told otherwise, which silences thinking models.
 */
function ollamaParams(modelId: string, params: CallParams): CallParams {
  const { temperature, maxOutputTokens, ...rest } = params;
  const own = params.providerOptions?.['ollama'] ?? {};
  const ownOptions = typeof own['options'] === 'object' && own['options'] !== null && !Array.isArray(own['options']) ? own['options'] : {};
  return {
    ...rest,
    providerOptions: {
      ...params.providerOptions,
      ollama: {
        ...(THINKING_MODEL.test(modelId) ? { think: true } : {}),
        ...own,
        options: {
          ...(temperature !== undefined ? { temperature } : {}),
          ...(maxOutputTokens !== undefined ? { num_predict: maxOutputTokens } : {}),
          ...ownOptions,
        },
      },
    },
  };
}

export const ollamaAdapter: ProviderAdapter = {
  kind: 'ollama',
  createModel({ baseUrl, modelId, fetch, apiKey }) {
    const guard = createOllamaGuard(fetch);
    const model = createOllama({
      baseURL: `${ollamaHost(baseUrl)}/api`,
      fetch: guard.fetch,
      // Ollama's cloud (ollama.com/api) takes a bearer key; a local server needs none.
      ...(apiKey ? { headers: { authorization: `Bearer ${apiKey}` } } : {}),
    })(modelId);
    return wrapLanguageModel({ model: withCallDefaults(model, (params) => ollamaParams(modelId, params)), middleware: [guard.middleware, ...INLINE_REASONING] });
  },
  listModels: (args) => listOllamaModels({ ...args, baseUrl: ollamaHost(args.baseUrl) }),
};
