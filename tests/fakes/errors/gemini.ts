// Google RPC error bodies for the Gemini Developer API (docs/provider-wire-formats.md §4.3).
import { jsonReply, retryHeaders, type HttpReply } from '../http';
import type { ErrorContext } from './openai';

interface RpcError {
  code: number;
  message: string;
  status: string;
  details?: unknown[];
}

const API_KEY_INVALID: RpcError = {
  code: 400,
  message: 'API key not valid. Please pass a valid API key.',
  status: 'INVALID_ARGUMENT',
  details: [
    { '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'API_KEY_INVALID', domain: 'googleapis.com', metadata: { service: 'generativelanguage.googleapis.com' } },
    { '@type': 'type.googleapis.com/google.rpc.LocalizedMessage', locale: 'en-US', message: 'API key not valid. Please pass a valid API key.' },
  ],
};

/** Only when the test asks for a delay: a default 53 s would stall any client that honours it. */
function retryDelay(ctx: ErrorContext): string | undefined {
  if (ctx.retryAfter?.geminiRetryDelay !== undefined) return ctx.retryAfter.geminiRetryDelay;
  if (ctx.retryAfter?.seconds !== undefined) return `${ctx.retryAfter.seconds}s`;
  return undefined;
}

function rateLimited(ctx: ErrorContext): RpcError {
  const delay = retryDelay(ctx);
  const details: unknown[] = [
    {
      '@type': 'type.googleapis.com/google.rpc.QuotaFailure',
      violations: [
        {
          quotaMetric: 'generativelanguage.googleapis.com/generate_content_free_tier_requests',
          quotaId: 'GenerateRequestsPerMinutePerProjectPerModel-FreeTier',
          quotaDimensions: { location: 'global', model: ctx.model },
          quotaValue: '10',
        },
      ],
    },
    { '@type': 'type.googleapis.com/google.rpc.Help', links: [{ description: 'Learn more about Gemini API quotas', url: 'https://ai.google.dev/gemini-api/docs/rate-limits' }] },
  ];
  if (delay !== undefined) details.push({ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: delay });
  const hint = delay === undefined ? '' : ` Please retry in ${delay}.`;
  return { code: 429, message: `You exceeded your current quota, please check your plan and billing details.${hint}`, status: 'RESOURCE_EXHAUSTED', details };
}

function rpcError(status: number, ctx: ErrorContext): RpcError {
  switch (status) {
    case 400:
      return { code: 400, message: 'The input token count (1200293) exceeds the maximum number of tokens allowed (1048576).', status: 'INVALID_ARGUMENT' };
    case 401:
      return {
        code: 401,
        message: 'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.',
        status: 'UNAUTHENTICATED',
      };
    case 403:
      return {
        code: 403,
        message: "Method doesn't allow unregistered callers (callers without established identity). Please use API Key or other form of API consumer identity to call this API.",
        status: 'PERMISSION_DENIED',
      };
    case 404:
      return {
        code: 404,
        message: `models/${ctx.model} is not found for API version v1beta, or is not supported for generateContent. Call ListModels to see the list of available models and their supported methods.`,
        status: 'NOT_FOUND',
        details: [{ '@type': 'type.googleapis.com/google.rpc.DebugInfo', detail: '[ORIGINAL ERROR] generic::not_found: models/' + ctx.model + ' is not found' }],
      };
    case 429:
      return rateLimited(ctx);
    case 500:
      return { code: 500, message: 'An internal error has occurred. Please retry or report in https://developers.generativeai.google/guide/troubleshooting', status: 'INTERNAL' };
    case 402:
      return { code: 402, message: 'Billing is not enabled for this project.', status: 'FAILED_PRECONDITION' };
    default:
      return { code: status, message: 'The model is overloaded. Please try again later.', status: 'UNAVAILABLE' };
  }
}

/**
 * On the streaming URL Google answers errors with `Content-Type: text/event-stream` and a plain
 * JSON body, no `data:` prefix (GEM recording Chats_Tests_sendMessage_Send_message_stream_with_error).
 */
export function geminiErrorReply(status: number, ctx: ErrorContext, streaming: boolean): HttpReply {
  const reply = jsonReply(status, { error: rpcError(status, ctx) }, retryHeaders(ctx.retryAfter));
  if (streaming) reply.headers['content-type'] = 'text/event-stream';
  return reply;
}

/** Gemini's answer to a wrong key: 400 API_KEY_INVALID, not 401. */
export function geminiAuthReply(streaming: boolean): HttpReply {
  const reply = jsonReply(400, { error: API_KEY_INVALID });
  if (streaming) reply.headers['content-type'] = 'text/event-stream';
  return reply;
}

/** Mid-stream failure after a 200 (format unverified): an RPC error as one `data:` chunk. */
export const GEMINI_STREAM_ERROR = {
  error: { code: 500, message: 'An internal error has occurred. Please retry or report in https://developers.generativeai.google/guide/troubleshooting', status: 'INTERNAL' },
};
