// Anthropic error bodies: `{"type":"error","error":{type,message},"request_id"}` (docs/provider-wire-formats.md §4.2).
import { jsonReply, retryHeaders, type HttpReply } from '../http';
import type { ErrorContext } from './openai';

const BY_STATUS: Record<number, { type: string; message: (model: string) => string }> = {
  400: { type: 'invalid_request_error', message: () => 'prompt is too long: 208656 tokens > 200000 maximum' },
  401: { type: 'authentication_error', message: () => 'invalid x-api-key' },
  402: { type: 'billing_error', message: () => 'Your credit balance is too low to access the Anthropic API. Please go to Plans & Billing to upgrade or purchase credits.' },
  403: { type: 'permission_error', message: () => 'Your API key does not have permission to use the specified resource.' },
  404: { type: 'not_found_error', message: (model) => `model: ${model}` },
  413: { type: 'request_too_large', message: () => 'Request exceeds the maximum allowed number of bytes.' },
  429: {
    type: 'rate_limit_error',
    message: () =>
      'This request would exceed the rate limit for your organization of 50,000 input tokens per minute. Please reduce the prompt length or the maximum tokens requested, or try again later.',
  },
  500: { type: 'api_error', message: () => 'Internal server error' },
  503: { type: 'overloaded_error', message: () => 'Overloaded' },
  529: { type: 'overloaded_error', message: () => 'Overloaded' },
};

export function anthropicErrorReply(status: number, ctx: ErrorContext): HttpReply {
  const entry = BY_STATUS[status] ?? { type: 'api_error', message: () => 'Internal server error' };
  const body = { type: 'error', error: { type: entry.type, message: entry.message(ctx.model) }, request_id: ctx.requestId };
  return jsonReply(status, body, { 'request-id': ctx.requestId, ...retryHeaders(ctx.retryAfter) });
}

/** `event: error` payload after a 200: never followed by message_stop. */
export const ANTHROPIC_STREAM_ERROR = { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } };
