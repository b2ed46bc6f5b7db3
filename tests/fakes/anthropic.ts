// Fake Anthropic Messages API: POST /v1/messages (named SSE events, thinking blocks, cumulative
// usage) and GET /v1/models with cursor paging (docs/provider-wire-formats.md §3.3, §4.2, §5).
import { jsonFrame, sseCodec, type Frame } from './frames';
import { jsonReply, nextId, sendReply } from './http';
import { ANTHROPIC_STREAM_ERROR, anthropicErrorReply } from './errors/anthropic';
import type { ErrorContext } from './errors/openai';
import { authorize, bearerKey, generate, notFound } from './generation';
import { field, modelFromBody, scriptFor, type AnswerScript } from './script';
import type { Exchange, FormatHandler } from './server';
import type { StreamPlan } from './stream-driver';
import type { RecordedRequest } from './types';

export const DEFAULT_ANTHROPIC_MODELS = ['claude-sonnet-4-5', 'claude-haiku-4-5', 'claude-opus-4-1'];
const SIGNATURE = 'c3ludGhldGljLXNpZ25hdHVyZS1mb3ItdGVzdHM=';

function anthropicKey(request: RecordedRequest): string | undefined {
  return request.headers['x-api-key'] ?? bearerKey(request);
}

function usage(script: AnswerScript, final: boolean): object {
  const { input, output, reasoning } = script.usage;
  // message_delta usage is cumulative: clients overwrite, never add (ANT MessageStream.ts).
  return { input_tokens: input, cache_creation_input_tokens: 0, cache_read_input_tokens: 0, output_tokens: final ? output + reasoning : 1 };
}

function messagePlan(script: AnswerScript, id: string, requestId: string, unknownFields: boolean | undefined): StreamPlan {
  const ev = (type: string, payload: object): Frame => jsonFrame({ type, ...payload }, unknownFields, type);
  const thinking = script.reasoning.length > 0;
  const textIndex = thinking ? 1 : 0;
  const openText = ev('content_block_start', { index: textIndex, content_block: { type: 'text', text: '' } });
  const closeThinking = thinking
    ? [ev('content_block_delta', { index: 0, delta: { type: 'signature_delta', signature: SIGNATURE } }), ev('content_block_stop', { index: 0 }), openText]
    : [];
  const textSteps = script.answer.map((text, i) => [...(i === 0 ? closeThinking : []), ev('content_block_delta', { index: textIndex, delta: { type: 'text_delta', text } })]);
  const head = [
    ev('message_start', {
      message: { id, type: 'message', role: 'assistant', content: [], model: script.model, stop_reason: null, stop_sequence: null, usage: usage(script, false) },
    }),
    thinking ? ev('content_block_start', { index: 0, content_block: { type: 'thinking', thinking: '', signature: '' } }) : openText,
    // The real API's ping carries a space after the colon (ANT fixture basic_response.txt).
    { event: 'ping', data: '{"type": "ping"}' },
  ];
  return {
    headers: { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', 'request-id': requestId },
    head,
    steps: [...script.reasoning.map((text) => [ev('content_block_delta', { index: 0, delta: { type: 'thinking_delta', thinking: text } })]), ...textSteps],
    tail: [
      ...(textSteps.length === 0 ? closeThinking : []),
      ev('content_block_stop', { index: textIndex }),
      ev('message_delta', { delta: { stop_reason: 'end_turn', stop_sequence: null }, usage: usage(script, true) }),
      ev('message_stop', {}),
    ],
    error: [jsonFrame(ANTHROPIC_STREAM_ERROR, unknownFields, 'error')],
  };
}

function wholeMessage(script: AnswerScript, id: string): object {
  const thinking = script.reasoning.join('');
  const content = [...(thinking.length > 0 ? [{ type: 'thinking', thinking, signature: SIGNATURE }] : []), { type: 'text', text: script.answer.join('') }];
  return { id, type: 'message', role: 'assistant', model: script.model, content, stop_reason: 'end_turn', stop_sequence: null, usage: usage(script, true) };
}

async function messages(ex: Exchange, errorCtx: ErrorContext): Promise<void> {
  const script = scriptFor(ex.behaviour, ex.request, errorCtx.model);
  const id = nextId('msg_fake');
  await generate(ex, {
    streaming: field(ex.request.body, 'stream') === true,
    codec: sseCodec(),
    pieces: script.reasoning.length + script.answer.length,
    errorReply: (status) => anthropicErrorReply(status, errorCtx),
    plan: () => messagePlan(script, id, errorCtx.requestId, ex.behaviour.unknownFields),
    whole: () => jsonReply(200, wholeMessage(script, id), { 'request-id': errorCtx.requestId }),
  });
}

/** Cursor paging by `limit`, `after_id`, `before_id`, as the SDK's Page expects. */
function listModels(ids: string[], query: Record<string, string>): object {
  const limit = Math.max(1, Math.min(1000, Number(query['limit'] ?? '20') || 20));
  let start = 0;
  let end = ids.length;
  if (query['after_id'] !== undefined) start = ids.indexOf(query['after_id']) + 1;
  if (query['before_id'] !== undefined) end = Math.max(0, ids.indexOf(query['before_id']));
  const page = query['before_id'] !== undefined ? ids.slice(Math.max(start, end - limit), end) : ids.slice(start, Math.min(end, start + limit));
  const data = page.map((id, i) => ({ type: 'model', id, display_name: id.replace(/-/g, ' '), created_at: new Date(Date.UTC(2025, 0, 1 + i)).toISOString() }));
  const hasMore = query['before_id'] !== undefined ? ids.indexOf(page[0] ?? '') > start : start + page.length < end;
  return { data, has_more: hasMore, first_id: page[0] ?? null, last_id: page.at(-1) ?? null };
}

export const anthropicHandler: FormatHandler = async (ex) => {
  const { method, path } = ex.request;
  const errorCtx: ErrorContext = { model: modelFromBody(ex.request.body, 'claude-sonnet-4-5'), retryAfter: ex.behaviour.retryAfter, requestId: nextId('req_011fake') };
  if (path !== '/v1/messages' && path !== '/v1/models') {
    return notFound(ex, { type: 'error', error: { type: 'not_found_error', message: 'Not Found' }, request_id: errorCtx.requestId });
  }
  if (!authorize(ex, anthropicKey, () => anthropicErrorReply(401, errorCtx))) return;
  if (method === 'POST' && path === '/v1/messages') return messages(ex, errorCtx);
  sendReply(ex.res, jsonReply(200, listModels(ex.behaviour.models ?? DEFAULT_ANTHROPIC_MODELS, ex.request.query), { 'request-id': errorCtx.requestId }));
};
