// Ollama native error bodies: `{"error":"<string>"}` (docs/provider-wire-formats.md §4.4).
import { jsonReply, retryHeaders, type HttpReply } from '../http';
import type { ErrorContext } from './openai';

function message(status: number, model: string): string {
  switch (status) {
    case 400:
      return 'input length exceeds the context length';
    case 401:
      return 'unauthorized';
    case 403:
      return 'forbidden';
    case 404:
      return `model '${model}' not found`;
    case 429:
      return 'too many requests';
    case 499:
      return 'request canceled';
    case 502:
      return 'an error was encountered while running the model: unexpected EOF';
    case 503:
      return 'server busy, please try again.  maximum pending requests exceeded';
    default:
      return 'an error was encountered while running the model';
  }
}

export function ollamaErrorReply(status: number, ctx: ErrorContext): HttpReply {
  return jsonReply(status, { error: message(status, ctx.model) }, retryHeaders(ctx.retryAfter));
}

/** The NDJSON line a 200 stream carries when the model fails mid-answer. */
export const OLLAMA_STREAM_ERROR = { error: 'an error was encountered while running the model' };
