// Real OpenAI-shaped error bodies, and each OpenAI-compatible server's deviations (docs/provider-wire-formats.md §4.1, §4.5).
import { jsonReply, retryHeaders, type HttpReply } from '../http';
import type { FakeBehaviour, FakeFlavor } from '../types';

export interface ErrorContext {
  model: string;
  retryAfter: FakeBehaviour['retryAfter'];
  requestId: string;
}

interface OpenAiError {
  message: string;
  type: string;
  param: string | null;
  code: string | null;
}

function retrySeconds(ctx: ErrorContext, fallback: number): string {
  const seconds = ctx.retryAfter?.seconds ?? (ctx.retryAfter?.ms === undefined ? fallback : ctx.retryAfter.ms / 1000);
  return `${seconds}s`;
}

/** OpenAI's own bodies, per status (recorded bodies quoted in the doc; 503/529 text unverified). */
function openAiError(status: number, ctx: ErrorContext): OpenAiError {
  switch (status) {
    case 400:
      return {
        message: "This model's maximum context length is 128000 tokens. However, your messages resulted in 130412 tokens. Please reduce the length of the messages.",
        type: 'invalid_request_error',
        param: 'messages',
        code: 'context_length_exceeded',
      };
    case 401:
      return {
        message: 'Incorrect API key provided: sk-wrong***key1. You can find your API key at https://platform.openai.com/account/api-keys.',
        type: 'invalid_request_error',
        param: null,
        code: 'invalid_api_key',
      };
    case 402:
      return {
        message: 'You exceeded your current quota, please check your plan and billing details.',
        type: 'insufficient_quota',
        param: null,
        code: 'insufficient_quota',
      };
    case 403:
      return {
        message: `Project \`proj_fake\` does not have access to model \`${ctx.model}\``,
        type: 'invalid_request_error',
        param: null,
        code: 'model_not_found',
      };
    case 404:
      return {
        message: `The model \`${ctx.model}\` does not exist or you do not have access to it.`,
        type: 'invalid_request_error',
        param: null,
        code: 'model_not_found',
      };
    case 429:
      return {
        message: `Rate limit reached for ${ctx.model} in organization org-fake on tokens per min (TPM): Limit 30000, Used 28039, Requested 3906. Please try again in ${retrySeconds(ctx, 3.89)}. Visit https://platform.openai.com/account/rate-limits to learn more.`,
        type: 'tokens',
        param: null,
        code: 'rate_limit_exceeded',
      };
    case 500:
      return {
        message: 'The server had an error while processing your request. Sorry about that!',
        type: 'server_error',
        param: null,
        code: null,
      };
    default:
      return {
        message: 'The engine is currently overloaded, please try again later.',
        type: 'server_error',
        param: null,
        code: status === 503 ? 'server_is_overloaded' : null,
      };
  }
}

function flavorBody(flavor: FakeFlavor, status: number, ctx: ErrorContext): unknown {
  const base = openAiError(status, ctx);
  switch (flavor) {
    case 'groq':
      if (status === 401) return { error: { message: 'Invalid API Key', type: 'invalid_request_error', code: 'invalid_api_key' } };
      if (status === 429)
        return {
          error: {
            ...base,
            message: `Rate limit reached for model \`${ctx.model}\` in organization \`org_fake\` on tokens per minute (TPM): Limit 6000, Used 5910, Requested 420. Please try again in ${retrySeconds(ctx, 50.59)}.`,
          },
        };
      return { error: base };
    case 'mistral':
      // Mistral is not OpenAI-shaped: 401 is `{message, request_id}`, the rest a flat `object: "error"`.
      if (status === 401) return { message: 'Unauthorized', request_id: ctx.requestId };
      return { object: 'error', message: base.message, type: base.type, param: base.param, code: base.code };
    case 'deepseek':
      if (status === 402) return { error: { message: 'Insufficient Balance', type: 'unknown_error', param: null, code: 'invalid_request_error' } };
      if (status === 400)
        return {
          error: {
            message:
              "This model's maximum context length is 131072 tokens. However, you requested 140000 tokens (139000 in the messages, 1000 in the completion). Please reduce the length of the messages or completion.",
            type: 'invalid_request_error',
            param: null,
            code: 'invalid_request_error',
          },
        };
      if (status === 401)
        return { error: { message: 'Authentication Fails, Your api key: ****key1 is invalid', type: 'authentication_error', param: null, code: 'invalid_request_error' } };
      return { error: base };
    case 'xai':
      // xAI answers a bad key with 400 and a flat `{code, error}` (continuedev/continue#10778; shape from @ai-sdk/xai).
      return {
        code: 'Client specified an invalid argument',
        error: status === 401 || status === 400 ? 'Incorrect API key provided: xa***y1. You can obtain an API key from https://console.x.ai.' : base.message,
      };
    case 'vllm':
      if (status === 401) return { error: 'Unauthorized' };
      return { error: { message: status === 404 ? `The model \`${ctx.model}\` does not exist.` : base.message, type: vllmType(status), param: null, code: status } };
    case 'ollama-v1':
      return {
        error: {
          message: status === 404 ? `model "${ctx.model}" not found, try pulling it first` : base.message,
          type: status === 400 ? 'invalid_request_error' : status === 404 ? 'not_found_error' : 'api_error',
          param: null,
          code: null,
        },
      };
    case 'llamacpp':
      if (status === 400)
        return {
          error: { code: 400, message: 'the request exceeds the available context size, try increasing it', type: 'exceed_context_size_error', n_prompt_tokens: 9000, n_ctx: 8192 },
        };
      return { error: { code: status, message: status === 401 ? 'Invalid API Key' : status === 503 ? 'Loading model' : base.message, type: llamaType(status) } };
    case 'together':
      if (status === 403)
        return {
          error: {
            message: 'Input validation error: `inputs` tokens + `max_new_tokens` must be <= 8193. Given: 8000 `inputs` tokens and 1000 `max_new_tokens`',
            type: 'invalid_request_error',
            param: null,
            code: null,
          },
        };
      return { error: base };
    case 'openai':
    case 'lmstudio':
      return { error: base };
  }
}

function vllmType(status: number): string {
  return status === 400 ? 'BadRequestError' : status === 404 ? 'NotFoundError' : status === 503 ? 'ServiceUnavailableError' : 'InternalServerError';
}

function llamaType(status: number): string {
  return status === 401
    ? 'authentication_error'
    : status === 404
      ? 'not_found_error'
      : status === 403
        ? 'permission_error'
        : status === 503
          ? 'unavailable_error'
          : status < 500
            ? 'invalid_request_error'
            : 'server_error';
}

export function openAiErrorReply(flavor: FakeFlavor, status: number, ctx: ErrorContext): HttpReply {
  return jsonReply(status, flavorBody(flavor, status, ctx), { 'x-request-id': ctx.requestId, ...retryHeaders(ctx.retryAfter) });
}

/** The auth failure each flavor really sends for a wrong key (xAI: 400, not 401). */
export function openAiAuthReply(flavor: FakeFlavor, ctx: ErrorContext): HttpReply {
  return openAiErrorReply(flavor, flavor === 'xai' ? 400 : 401, ctx);
}

/** The `data: {"error":…}` payload a 200 stream carries when it fails (docs/provider-wire-formats.md §4.1, vLLM §4.5). */
export function openAiStreamError(flavor: FakeFlavor): unknown {
  if (flavor === 'vllm') return { error: { message: 'The engine loop has stopped', type: 'InternalServerError', param: null, code: 500 } };
  return { error: { message: 'The server had an error while processing your request. Sorry about that!', type: 'server_error', param: null, code: null } };
}
