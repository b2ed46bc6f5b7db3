// What each local server answers on its listing and health endpoints, as zod schemas: the
// response is untrusted input. Sources: provider-wire-formats.md section 5; LM Studio's
// /v1/models owned_by "organization_owner" (JetBrains/koog#139); llama-server's /health
// 200 {"status":"ok"} / 503 "Loading model" (llama.cpp tools/server README).
import { z } from 'zod';

export const ollamaVersion = z.object({ version: z.string().min(1).max(100) });

export const ollamaTags = z.object({
  models: z.array(z.object({ name: z.string().min(1).max(300) })).max(5000),
});

export const openAiModelList = z.object({
  data: z
    .array(
      z.object({
        id: z.string().min(1).max(300),
        owned_by: z.string().max(300).optional(),
        /** vLLM's ModelCard */
        max_model_len: z.number().optional(),
        /** llama-server's model metadata */
        meta: z.unknown().optional(),
      }),
    )
    .max(5000),
});
export type OpenAiModelList = z.output<typeof openAiModelList>;

export const llamaHealth = z.union([
  z.object({ status: z.enum(['ok', 'no slot available', 'loading model']) }),
  z.object({ error: z.object({ code: z.literal(503), message: z.string(), type: z.literal('unavailable_error') }) }),
]);

/** LM Studio's native REST listing: `models[].key` (0.4 /api/v1) or `data[].id` with a publisher (/api/v0). */
export const lmStudioNative = z.union([
  z.object({ models: z.array(z.object({ key: z.string().min(1).max(300), type: z.string().optional() })).max(5000) }),
  z.object({ data: z.array(z.object({ id: z.string().min(1).max(300), publisher: z.string() })).max(5000) }),
]);

export type OpenAiProduct = 'LM Studio' | 'llama.cpp' | 'vLLM' | 'OpenAI-compatible';

/** Names the server behind an OpenAI model list from what only that server puts there. */
export function productFromList(list: OpenAiModelList): OpenAiProduct {
  const owners = new Set(list.data.map((m) => m.owned_by));
  if (owners.has('vllm') || list.data.some((m) => m.max_model_len !== undefined)) return 'vLLM';
  if (owners.has('llamacpp') || list.data.some((m) => m.meta !== undefined)) return 'llama.cpp';
  if (owners.has('organization_owner')) return 'LM Studio';
  return 'OpenAI-compatible';
}

export function lmStudioIds(body: z.output<typeof lmStudioNative>): string[] {
  return 'models' in body ? body.models.map((m) => m.key) : body.data.map((m) => m.id);
}
