// The building blocks every domain's calls share: how a call is declared, and the small schemas
// (ids, bounded text, model references, attachments, URLs) their requests reuse.
import { z } from 'zod';

export const id = z.string().min(1).max(100);
export const text = (max: number) => z.string().max(max);
export const empty = z.object({}).strict();

export const modelRef = z.object({ connectionId: id, modelId: z.string().min(1).max(300) }).strict();

export const attachment = z
  .object({
    id,
    name: text(300),
    mimeType: text(100),
    size: z
      .number()
      .int()
      .nonnegative()
      .max(20 * 1024 * 1024),
    data: z.string().max(28 * 1024 * 1024),
    kind: z.enum(['image', 'text']),
  })
  .strict();

export const httpUrl = z
  .string()
  .max(2000)
  .refine((u) => {
    try {
      const p = new URL(u).protocol;
      return p === 'http:' || p === 'https:';
    } catch {
      return false;
    }
  }, 'must be an http(s) URL');

/** Declares one call. `R` is the response type; the schema is the request. */
export function call<R>() {
  return <S extends z.ZodType>(request: S) => ({ request, response: undefined as unknown as R });
}
