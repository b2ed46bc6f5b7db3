// `GET /v1/models` with x-api-key and anthropic-version, following has_more/last_id paging.
import { keyHeaders } from '../../../../shared/provider-kinds';
import { z } from 'zod';
import type { ModelInfo } from '../../../../shared/types';
import type { ListArgs } from '../adapter';
import { getJson, joinUrl } from './http-json';

const page = z.object({
  data: z.array(
    z.object({
      id: z.string(),
      display_name: z.string().nullish(),
      max_input_tokens: z.number().nullish(),
    }),
  ),
  has_more: z.boolean().optional(),
  last_id: z.string().nullish(),
});

/** A runaway server must not keep us paging forever. */
const MAX_PAGES = 20;

export async function listAnthropicModels(args: ListArgs): Promise<ModelInfo[]> {
  const models: ModelInfo[] = [];
  let afterId: string | undefined;
  for (let i = 0; i < MAX_PAGES; i += 1) {
    const body = await getJson({
      fetch: args.fetch,
      url: joinUrl(args.baseUrl, '/models', { limit: '1000', after_id: afterId }),
      headers: { 'anthropic-version': '2023-06-01', ...keyHeaders('anthropic', args.apiKey) },
      schema: page,
      ...(args.signal ? { signal: args.signal } : {}),
    });
    for (const m of body.data) {
      models.push({ id: m.id, ...(m.display_name ? { label: m.display_name } : {}), ...(m.max_input_tokens ? { contextWindow: m.max_input_tokens } : {}), vision: true });
    }
    if (!body.has_more || !body.last_id) break;
    afterId = body.last_id;
  }
  return models;
}
