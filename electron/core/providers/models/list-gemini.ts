// `GET /v1beta/models` with x-goog-api-key, following nextPageToken; keeps only models that can
// generateContent and strips the "models/" prefix the API puts on every name.
import { keyHeaders } from '../../../../shared/provider-kinds';
import { z } from 'zod';
import type { ModelInfo } from '../../../../shared/types';
import type { ListArgs } from '../adapter';
import { getJson, joinUrl } from './http-json';

const page = z.object({
  models: z
    .array(
      z.object({
        name: z.string(),
        displayName: z.string().optional(),
        inputTokenLimit: z.number().optional(),
        supportedGenerationMethods: z.array(z.string()).optional(),
        thinking: z.boolean().optional(),
      }),
    )
    .optional(),
  nextPageToken: z.string().optional(),
});

const MAX_PAGES = 20;

export async function listGeminiModels(args: ListArgs): Promise<ModelInfo[]> {
  const models: ModelInfo[] = [];
  let pageToken: string | undefined;
  for (let i = 0; i < MAX_PAGES; i += 1) {
    const body = await getJson({
      fetch: args.fetch,
      url: joinUrl(args.baseUrl, '/models', { pageSize: '1000', pageToken }),
      headers: keyHeaders('google', args.apiKey),
      schema: page,
      ...(args.signal ? { signal: args.signal } : {}),
    });
    for (const m of body.models ?? []) {
      if (!m.supportedGenerationMethods?.includes('generateContent')) continue;
      models.push({
        id: m.name.replace(/^models\//, ''),
        ...(m.displayName ? { label: m.displayName } : {}),
        ...(m.inputTokenLimit ? { contextWindow: m.inputTokenLimit } : {}),
        ...(m.thinking ? { reasoning: true } : {}),
      });
    }
    if (!body.nextPageToken) break;
    pageToken = body.nextPageToken;
  }
  return models;
}
