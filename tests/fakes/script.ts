// What a fake answers: the pieces and the token counts, derived from the behaviour and the request.
import type { FakeBehaviour, RecordedRequest } from './types';

export const DEFAULT_TOKENS = ['Hello', ' from', ' the', ' fake', ' provider', '.'];

export interface AnswerScript {
  reasoning: string[];
  answer: string[];
  usage: { input: number; output: number; reasoning: number };
  /** Model id the client asked for (echoed in frames), or the format's default. */
  model: string;
}

function answerTokens(b: FakeBehaviour, request: RecordedRequest, model: string): string[] {
  if (b.answer) return b.answer(request, model);
  if (b.visionCheck === true) {
    return request.hasImage ? ['I can', ' see', ' an image.'] : ['I see', ' no', ' image.'];
  }
  return b.tokens ?? DEFAULT_TOKENS;
}

export function scriptFor(b: FakeBehaviour, request: RecordedRequest, model: string): AnswerScript {
  const reasoning = b.reasoning ?? [];
  const answer = answerTokens(b, request, model);
  return {
    reasoning,
    answer,
    usage: {
      input: b.usage?.input ?? 9,
      output: b.usage?.output ?? answer.length,
      reasoning: b.usage?.reasoning ?? reasoning.length,
    },
    model,
  };
}

export function modelFromBody(body: unknown, fallback: string): string {
  if (typeof body === 'object' && body !== null) {
    const model = (body as Record<string, unknown>)['model'];
    if (typeof model === 'string' && model.length > 0) return model;
  }
  return fallback;
}

/** Reads a nested field of an unknown JSON body without trusting its shape. */
export function field(body: unknown, ...path: string[]): unknown {
  let node: unknown = body;
  for (const key of path) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}
