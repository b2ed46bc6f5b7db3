// Fake Ollama: native NDJSON /api/chat plus /api/tags, /api/show, /api/ps, /api/version, and the
// OpenAI-compatible /v1/chat/completions and /v1/models on the same port (docs/provider-wire-formats.md §3.5, §3.6, §4.4, §5).
import { jsonFrame, ndjsonCodec, type Frame } from './frames';
import { jsonReply, nextId, sendReply } from './http';
import { OLLAMA_STREAM_ERROR, ollamaErrorReply } from './errors/ollama';
import type { ErrorContext } from './errors/openai';
import { authorize, bearerKey, generate } from './generation';
import { openAiChatHandler } from './openai-chat';
import { FLAVORS } from './openai-flavors';
import { field, modelFromBody, scriptFor, type AnswerScript } from './script';
import type { Exchange, FormatHandler } from './server';
import type { StreamPlan } from './stream-driver';

export const DEFAULT_OLLAMA_MODELS = FLAVORS['ollama-v1'].listed;
const START = Date.UTC(2025, 0, 1, 12, 0, 0);
const openAiCompat = openAiChatHandler('ollama-v1');

/** Timestamps spaced 30 ms apart, fixed so recorded lines are stable. */
function createdAt(i: number): string {
  return new Date(START + i * 30).toISOString().replace('Z', '000000Z');
}

/** Final-line metrics in nanoseconds; eval_count includes thinking tokens. */
function metrics(script: AnswerScript): object {
  const evalCount = script.usage.output + script.usage.reasoning;
  return {
    done_reason: 'stop',
    total_duration: 4883583458,
    load_duration: 1334875,
    prompt_eval_count: script.usage.input,
    prompt_eval_duration: 342546000,
    eval_count: evalCount,
    eval_duration: 30000000 * Math.max(1, evalCount),
  };
}

function chatPlan(script: AnswerScript, unknownFields: boolean | undefined): StreamPlan {
  let i = 0;
  const line = (message: object, done: boolean, extra: object = {}): Frame =>
    jsonFrame({ model: script.model, created_at: createdAt(i++), message: { role: 'assistant', ...message }, done, ...extra }, unknownFields);
  const steps = [...script.reasoning.map((thinking) => [line({ content: '', thinking }, false)]), ...script.answer.map((content) => [line({ content }, false)])];
  return {
    headers: { 'content-type': 'application/x-ndjson' },
    head: [],
    steps,
    tail: [line({ content: '' }, true, metrics(script))],
    error: [jsonFrame(OLLAMA_STREAM_ERROR, unknownFields)],
  };
}

function wholeChat(script: AnswerScript): object {
  const thinking = script.reasoning.join('');
  const message = { role: 'assistant', content: script.answer.join(''), ...(thinking.length > 0 ? { thinking } : {}) };
  return { model: script.model, created_at: createdAt(0), message, done: true, ...metrics(script) };
}

function family(name: string): string {
  return name.startsWith('qwen') ? 'qwen3' : name.startsWith('llava') ? 'llama' : name.split(/[:.\d]/)[0] || 'llama';
}

function tagEntry(name: string, i: number): Record<string, unknown> {
  return {
    name,
    model: name,
    modified_at: new Date(START - i * 86400000).toISOString(),
    size: 2019393189 + i,
    digest: `a80c4f17acd55265feec403c7aef86be0c25983ab279d83f3bcd3abbcb5b8b7${i % 10}`,
    details: { parent_model: '', format: 'gguf', family: family(name), families: [family(name)], parameter_size: '3.2B', quantization_level: 'Q4_K_M' },
  };
}

function resolveModel(models: string[], name: unknown): string | undefined {
  if (typeof name !== 'string') return undefined;
  return models.find((m) => m === name || m === `${name}:latest`);
}

function show(name: string): object {
  const arch = family(name);
  const capabilities = ['completion', ...(name.includes('llava') || name.includes('vision') ? ['vision'] : []), ...(name.startsWith('qwen3') ? ['thinking'] : [])];
  return {
    modelfile: `FROM ${name}\n`,
    parameters: 'stop "<|eot_id|>"',
    template: '{{ .Prompt }}',
    details: tagEntry(name, 0)['details'] as object,
    model_info: { 'general.architecture': arch, 'general.parameter_count': 3212749888, [`${arch}.context_length`]: 131072 },
    capabilities,
    modified_at: new Date(START).toISOString(),
  };
}

async function chat(ex: Exchange): Promise<void> {
  const model = modelFromBody(ex.request.body, 'llama3.2');
  const script = scriptFor(ex.behaviour, ex.request, model);
  const errorCtx: ErrorContext = { model, retryAfter: ex.behaviour.retryAfter, requestId: nextId('ollama') };
  await generate(ex, {
    // The server streams unless told `stream: false` (ollama-js defaults the other way, client-side).
    streaming: field(ex.request.body, 'stream') !== false,
    codec: ndjsonCodec,
    pieces: script.reasoning.length + script.answer.length,
    errorReply: (status) => ollamaErrorReply(status, errorCtx),
    plan: () => chatPlan(script, ex.behaviour.unknownFields),
    whole: () => jsonReply(200, wholeChat(script)),
  });
}

function api(ex: Exchange, models: string[]): void {
  const { method, path, body } = ex.request;
  if (path === '/api/tags' && method === 'GET') return sendReply(ex.res, jsonReply(200, { models: models.map(tagEntry) }));
  if (path === '/api/version' && method === 'GET') return sendReply(ex.res, jsonReply(200, { version: '0.12.6' }));
  if (path === '/api/ps' && method === 'GET') {
    const running = models.slice(0, 1).map((name, i) => ({ ...tagEntry(name, i), expires_at: new Date(START + 300000).toISOString(), size_vram: 2019393189 }));
    return sendReply(ex.res, jsonReply(200, { models: running }));
  }
  if (path === '/api/show' && method === 'POST') {
    const asked = field(body, 'model') ?? field(body, 'name');
    const found = resolveModel(models, asked);
    if (found === undefined) return sendReply(ex.res, jsonReply(404, { error: `model '${String(asked)}' not found` }));
    return sendReply(ex.res, jsonReply(200, show(found)));
  }
  sendReply(ex.res, { status: 404, headers: { 'content-type': 'text/plain' }, body: '404 page not found' });
}

export const ollamaHandler: FormatHandler = async (ex) => {
  if (ex.request.path.startsWith('/v1/')) return openAiCompat(ex);
  if (ex.request.path === '/' && ex.request.method === 'GET') {
    return sendReply(ex.res, { status: 200, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: 'Ollama is running' });
  }
  const unauthorized = (): ReturnType<typeof ollamaErrorReply> => ollamaErrorReply(401, { model: '', retryAfter: undefined, requestId: '' });
  if (!authorize(ex, bearerKey, unauthorized)) return;
  if (ex.request.path === '/api/chat' && ex.request.method === 'POST') return chat(ex);
  api(ex, ex.behaviour.models ?? DEFAULT_OLLAMA_MODELS);
};
