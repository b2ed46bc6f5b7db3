// Fake Chat Completions server: POST {prefix}/v1/chat/completions and GET {prefix}/v1/models,
// shaped by the flavor (OpenAI, Groq, DeepSeek, Mistral, xAI, vLLM, Ollama /v1, LM Studio, llama.cpp, Together).
import { sseCodec } from './frames';
import { CREATED_AT, jsonReply, nextId, sendReply } from './http';
import { FLAVORS } from './openai-flavors';
import { chatCompletion, chatStreamPlan, type ChatContext } from './openai-chat-frames';
import { openAiAuthReply, openAiErrorReply, type ErrorContext } from './errors/openai';
import { authorize, bearerKey, generate, notFound } from './generation';
import { field, modelFromBody, scriptFor } from './script';
import type { Exchange, FormatHandler } from './server';
import type { FakeFlavor } from './types';

export const DEFAULT_OPENAI_MODELS = FLAVORS.openai.listed;

/** The route inside the flavor's prefix, or undefined when the path is not this server's. */
function route(flavor: FakeFlavor, path: string): string | undefined {
  const spec = FLAVORS[flavor];
  if (!path.startsWith(spec.prefix)) return undefined;
  const rest = path.slice(spec.prefix.length);
  if (rest.startsWith('/v1/')) return rest.slice('/v1'.length);
  return spec.bareRoutes ? rest : undefined;
}

function modelList(flavor: FakeFlavor, ids: string[]): unknown {
  const spec = FLAVORS[flavor];
  if (spec.models === 'bare-array') {
    return ids.map((id) => ({ id, object: 'model', created: CREATED_AT, type: 'chat', display_name: id, organization: spec.ownedBy, context_length: 131072 }));
  }
  const data = ids.map((id) => ({
    id,
    object: 'model',
    created: CREATED_AT,
    owned_by: spec.ownedBy,
    ...(flavor === 'vllm' ? { root: id, parent: null, max_model_len: 32768, permission: [] } : {}),
  }));
  return { object: 'list', data };
}

async function completions(ex: Exchange, flavor: FakeFlavor, errorCtx: ErrorContext): Promise<void> {
  const body = ex.request.body;
  const ctx: ChatContext = {
    flavor,
    id: nextId('chatcmpl-'),
    requestId: errorCtx.requestId,
    script: scriptFor(ex.behaviour, ex.request, errorCtx.model),
    includeUsage: field(body, 'stream_options', 'include_usage') === true,
    unknownFields: ex.behaviour.unknownFields,
  };
  await generate(ex, {
    streaming: field(body, 'stream') === true,
    codec: sseCodec(),
    pieces: ctx.script.reasoning.length + ctx.script.answer.length,
    errorReply: (status) => openAiErrorReply(flavor, status, errorCtx),
    plan: () => chatStreamPlan(ctx),
    whole: () => jsonReply(200, chatCompletion(ctx), { 'x-request-id': ctx.requestId }),
  });
}

export function openAiChatHandler(flavor: FakeFlavor): FormatHandler {
  return async (ex) => {
    const path = route(flavor, ex.request.path);
    const errorCtx: ErrorContext = {
      model: modelFromBody(ex.request.body, FLAVORS[flavor].defaultModel),
      retryAfter: ex.behaviour.retryAfter,
      requestId: nextId('req_'),
    };
    if (path === undefined || !['/chat/completions', '/models'].includes(path)) {
      return notFound(ex, { error: { message: `Unknown request URL: ${ex.request.method} ${ex.request.path}.`, type: 'invalid_request_error', param: null, code: 'unknown_url' } });
    }
    if (!authorize(ex, bearerKey, () => openAiAuthReply(flavor, errorCtx))) return;
    if (ex.request.method === 'POST' && path === '/chat/completions') return completions(ex, flavor, errorCtx);
    if (ex.request.method === 'GET' && path === '/models') {
      return sendReply(ex.res, jsonReply(200, modelList(flavor, ex.behaviour.models ?? FLAVORS[flavor].listed)));
    }
    notFound(ex, { error: { message: `Method ${ex.request.method} not allowed`, type: 'invalid_request_error', param: null, code: null } });
  };
}
