// `GET {base}/models` as OpenAI and the OpenAI-compatible servers answer it: `{data:[{id}]}`,
// or a bare array (Together). Extra fields some servers add are read when they help.
import { keyHeaders } from '../../../../shared/provider-kinds';
import { z } from 'zod';
import type { ModelInfo } from '../../../../shared/types';
import type { ListArgs } from '../adapter';
import { getJson, joinUrl } from './http-json';

const item = z.object({
  id: z.string(),
  display_name: z.string().optional(),
  /** Together */
  context_length: z.number().optional(),
  /** vLLM */
  max_model_len: z.number().optional(),
});
const listing = z.union([z.object({ data: z.array(item) }), z.array(item)]);

export async function listOpenAiStyleModels(args: ListArgs, include: (id: string) => boolean = () => true): Promise<ModelInfo[]> {
  const body = await getJson({
    fetch: args.fetch,
    url: joinUrl(args.baseUrl, '/models'),
    // Every OpenAI-style server (Mistral, Groq, DeepSeek, xAI, LM Studio, vLLM) takes a Bearer key.
    headers: keyHeaders('openai', args.apiKey),
    schema: listing,
    ...(args.signal ? { signal: args.signal } : {}),
  });
  const items = Array.isArray(body) ? body : body.data;
  return items
    .filter((m) => include(m.id))
    .map((m) => {
      const contextWindow = m.context_length ?? m.max_model_len;
      return { id: m.id, ...(m.display_name ? { label: m.display_name } : {}), ...(contextWindow ? { contextWindow } : {}) };
    });
}
