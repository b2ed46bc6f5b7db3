// Fake OpenAI Responses API: POST /v1/responses (typed `event:` SSE) and GET /v1/models (docs/provider-wire-formats.md §3.2).
import { jsonFrame, sseCodec, type Frame } from './frames';
import { CREATED_AT, jsonReply, nextId, sendReply } from './http';
import { openAiAuthReply, openAiErrorReply, type ErrorContext } from './errors/openai';
import { authorize, bearerKey, generate, notFound } from './generation';
import { DEFAULT_OPENAI_MODELS } from './openai-chat';
import { field, modelFromBody, scriptFor, type AnswerScript } from './script';
import type { Exchange, FormatHandler } from './server';
import type { StreamPlan } from './stream-driver';

interface Ids {
  response: string;
  message: string;
  reasoning: string;
  requestId: string;
}

/** Numbers every event in order, as `sequence_number`. */
class EventLog {
  private sequence = 0;
  constructor(private readonly unknownFields: boolean | undefined) {}
  event(type: string, payload: object): Frame {
    const frame = jsonFrame({ type, sequence_number: this.sequence, ...payload }, this.unknownFields, type);
    this.sequence += 1;
    return frame;
  }
}

function usage(script: AnswerScript): object {
  const { input, output, reasoning } = script.usage;
  return {
    input_tokens: input,
    input_tokens_details: { cached_tokens: 0 },
    output_tokens: output + reasoning,
    output_tokens_details: { reasoning_tokens: reasoning },
    total_tokens: input + output + reasoning,
  };
}

function outputItems(script: AnswerScript, ids: Ids): object[] {
  const thinking = script.reasoning.join('');
  const message = { id: ids.message, type: 'message', role: 'assistant', status: 'completed', content: [{ type: 'output_text', text: script.answer.join(''), annotations: [] }] };
  return thinking.length > 0 ? [{ id: ids.reasoning, type: 'reasoning', status: 'completed', summary: [{ type: 'summary_text', text: thinking }] }, message] : [message];
}

function responseObject(script: AnswerScript, ids: Ids, status: string, done: boolean): object {
  return {
    id: ids.response,
    object: 'response',
    created_at: CREATED_AT,
    status,
    model: script.model,
    output: done ? outputItems(script, ids) : [],
    usage: done ? usage(script) : null,
  };
}

function reasoningSteps(log: EventLog, script: AnswerScript, ids: Ids): { open: Frame[]; steps: Frame[][]; close: Frame[] } {
  if (script.reasoning.length === 0) return { open: [], steps: [], close: [] };
  const where = { item_id: ids.reasoning, output_index: 0, summary_index: 0 };
  const text = script.reasoning.join('');
  return {
    open: [
      log.event('response.output_item.added', { output_index: 0, item: { id: ids.reasoning, type: 'reasoning', status: 'in_progress', summary: [] } }),
      log.event('response.reasoning_summary_part.added', { ...where, part: { type: 'summary_text', text: '' } }),
    ],
    steps: script.reasoning.map((delta) => [log.event('response.reasoning_summary_text.delta', { ...where, delta })]),
    close: [
      log.event('response.reasoning_summary_text.done', { ...where, text }),
      log.event('response.reasoning_summary_part.done', { ...where, part: { type: 'summary_text', text } }),
      log.event('response.output_item.done', { output_index: 0, item: { id: ids.reasoning, type: 'reasoning', status: 'completed', summary: [{ type: 'summary_text', text }] } }),
    ],
  };
}

function responsesPlan(script: AnswerScript, ids: Ids, unknownFields: boolean | undefined): StreamPlan {
  const log = new EventLog(unknownFields);
  const head = [
    log.event('response.created', { response: responseObject(script, ids, 'in_progress', false) }),
    log.event('response.in_progress', { response: responseObject(script, ids, 'in_progress', false) }),
  ];
  const thinking = reasoningSteps(log, script, ids);
  const index = thinking.steps.length > 0 ? 1 : 0;
  const where = { item_id: ids.message, output_index: index, content_index: 0 };
  const text = script.answer.join('');
  const openMessage = [
    log.event('response.output_item.added', { output_index: index, item: { id: ids.message, type: 'message', role: 'assistant', status: 'in_progress', content: [] } }),
    log.event('response.content_part.added', { ...where, part: { type: 'output_text', text: '', annotations: [] } }),
  ];
  const textSteps = script.answer.map((delta) => [log.event('response.output_text.delta', { ...where, delta, logprobs: [] })]);
  const [firstText, ...restText] = textSteps.length > 0 ? textSteps : [[]];
  const tail = [
    log.event('response.output_text.done', { ...where, text, logprobs: [] }),
    log.event('response.content_part.done', { ...where, part: { type: 'output_text', text, annotations: [] } }),
    log.event('response.output_item.done', { output_index: index, item: outputItems(script, ids).at(-1) }),
    log.event('response.completed', { response: responseObject(script, ids, 'completed', true) }),
  ];
  const error = { code: 'server_error', message: 'The server had an error while processing your request. Sorry about that!' };
  return {
    headers: { 'content-type': 'text/event-stream; charset=utf-8', 'x-request-id': ids.requestId },
    head: [...head, ...thinking.open],
    // The message item opens with the first text piece, after the reasoning item closed.
    steps: [...thinking.steps, [...thinking.close, ...openMessage, ...(firstText ?? [])], ...restText],
    tail,
    error: [
      log.event('error', { error: { type: 'server_error', ...error, param: null } }),
      log.event('response.failed', { response: { ...responseObject(script, ids, 'failed', false), error } }),
    ],
  };
}

async function create(ex: Exchange, errorCtx: ErrorContext): Promise<void> {
  const script = scriptFor(ex.behaviour, ex.request, errorCtx.model);
  const ids: Ids = { response: nextId('resp_'), message: nextId('msg_'), reasoning: nextId('rs_'), requestId: errorCtx.requestId };
  await generate(ex, {
    streaming: field(ex.request.body, 'stream') === true,
    codec: sseCodec(),
    pieces: script.reasoning.length + script.answer.length,
    errorReply: (status) => openAiErrorReply('openai', status, errorCtx),
    plan: () => responsesPlan(script, ids, ex.behaviour.unknownFields),
    whole: () => jsonReply(200, responseObject(script, ids, 'completed', true), { 'x-request-id': ids.requestId }),
  });
}

export const openAiResponsesHandler: FormatHandler = async (ex) => {
  const { method, path } = ex.request;
  const errorCtx: ErrorContext = { model: modelFromBody(ex.request.body, 'gpt-4o'), retryAfter: ex.behaviour.retryAfter, requestId: nextId('req_') };
  if (path !== '/v1/responses' && path !== '/v1/models') {
    return notFound(ex, { error: { message: `Unknown request URL: ${method} ${path}.`, type: 'invalid_request_error', param: null, code: 'unknown_url' } });
  }
  if (!authorize(ex, bearerKey, () => openAiAuthReply('openai', errorCtx))) return;
  if (method === 'POST' && path === '/v1/responses') return create(ex, errorCtx);
  const ids = ex.behaviour.models ?? DEFAULT_OPENAI_MODELS;
  sendReply(ex.res, jsonReply(200, { object: 'list', data: ids.map((id) => ({ id, object: 'model', created: CREATED_AT, owned_by: 'system' })) }));
};
