// Ollama's native `GET /api/tags` (the OpenAI-style /v1/models lists the same models, with less).
import { keyHeaders } from '../../../../shared/provider-kinds';
import { z } from 'zod';
import type { ModelInfo } from '../../../../shared/types';
import type { ListArgs } from '../adapter';
import { getJson, joinUrl } from './http-json';

const tags = z.object({
  models: z.array(
    z.object({
      name: z.string(),
      model: z.string().optional(),
      details: z
        .object({ family: z.string().optional(), families: z.array(z.string()).nullish() })
        .partial()
        .optional(),
    }),
  ),
});

/** Families whose models take images (`clip` is the vision projector llava-style models carry). */
const VISION_FAMILIES = new Set(['clip', 'mllama']);

export async function listOllamaModels(args: ListArgs): Promise<ModelInfo[]> {
  const body = await getJson({
    fetch: args.fetch,
    url: joinUrl(args.baseUrl, '/api/tags'),
    headers: keyHeaders('ollama', args.apiKey),
    schema: tags,
    ...(args.signal ? { signal: args.signal } : {}),
  });
  return body.models.map((m) => {
    const vision = (m.details?.families ?? []).some((f) => VISION_FAMILIES.has(f));
    return { id: m.name, ...(vision ? { vision: true } : {}) };
  });
}
