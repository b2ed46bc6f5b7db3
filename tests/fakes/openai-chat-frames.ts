// Chat Completions chunks for OpenAI and each compatible flavor (docs/provider-wire-formats.md §3.1, §3.6, §3.7, §7).
import { jsonFrame, type Frame } from './frames';
import { CREATED_AT } from './http';
import { FLAVORS, type FlavorSpec } from './openai-flavors';
import { openAiStreamError } from './errors/openai';
import type { AnswerScript } from './script';
import type { StreamPlan } from './stream-driver';
import type { FakeFlavor } from './types';

export interface ChatContext {
  flavor: FakeFlavor;
  id: string;
  requestId: string;
  script: AnswerScript;
  includeUsage: boolean;
  unknownFields: boolean | undefined;
}

type Delta = Record<string, unknown>;

export function usageObject(ctx: ChatContext): Record<string, unknown> {
  const { input, output, reasoning } = ctx.script.usage;
  const completion = output + reasoning;
  const core = { prompt_tokens: input, completion_tokens: completion, total_tokens: input + completion };
  switch (ctx.flavor) {
    case 'mistral':
      return core;
    case 'deepseek':
      return {
        ...core,
        prompt_tokens_details: { cached_tokens: 0 },
        completion_tokens_details: { reasoning_tokens: reasoning },
        prompt_cache_hit_tokens: 0,
        prompt_cache_miss_tokens: input,
      };
    case 'groq':
      return {
        queue_time: 0.0123,
        prompt_tokens: input,
        prompt_time: 0.0042,
        completion_tokens: completion,
        completion_time: 0.031,
        total_tokens: input + completion,
        total_time: 0.0352,
      };
    default:
      return { ...core, prompt_tokens_details: { cached_tokens: 0 }, completion_tokens_details: { reasoning_tokens: reasoning } };
  }
}

export function reasoningDelta(spec: FlavorSpec, piece: string): Delta | undefined {
  switch (spec.reasoning) {
    case 'hidden':
      return undefined; // OpenAI never streams reasoning text in Chat Completions
    case 'deepseek':
      return { content: null, reasoning_content: piece };
    case 'mistral-thinking':
      return { content: [{ type: 'thinking', thinking: [{ type: 'text', text: piece }] }] };
    case 'reasoning':
      return { reasoning: piece };
    case 'reasoning_content':
      return { reasoning_content: piece };
  }
}

function chunk(ctx: ChatContext, delta: Delta, finish: string | null, extra: object = {}): Frame {
  const spec = FLAVORS[ctx.flavor];
  const choice = spec.openAiExtras ? { index: 0, delta, logprobs: null, finish_reason: finish } : { index: 0, delta, finish_reason: finish };
  const usageNull = ctx.flavor === 'openai' && ctx.includeUsage ? { usage: null } : {};
  return jsonFrame(
    {
      id: ctx.id,
      object: 'chat.completion.chunk',
      created: CREATED_AT,
      model: ctx.script.model,
      ...(spec.openAiExtras ? { system_fingerprint: 'fp_1' } : {}),
      choices: [choice],
      ...usageNull,
      ...extra,
    },
    ctx.unknownFields,
  );
}

function tail(ctx: ChatContext): Frame[] {
  const spec = FLAVORS[ctx.flavor];
  const finishExtra = spec.usage === 'last-chunk' ? { usage: usageObject(ctx) } : spec.usage === 'x_groq' ? { x_groq: { id: ctx.requestId, usage: usageObject(ctx) } } : {};
  const frames = [chunk(ctx, {}, 'stop', finishExtra)];
  if (ctx.includeUsage && spec.usage !== 'last-chunk') {
    frames.push(
      jsonFrame(
        {
          id: ctx.id,
          object: 'chat.completion.chunk',
          created: CREATED_AT,
          model: ctx.script.model,
          ...(spec.openAiExtras ? { system_fingerprint: 'fp_1' } : {}),
          choices: [],
          usage: usageObject({ ...ctx, flavor: ctx.flavor === 'groq' ? 'openai' : ctx.flavor }),
        },
        ctx.unknownFields,
      ),
    );
  }
  frames.push({ data: '[DONE]' });
  return frames;
}

export function chatStreamPlan(ctx: ChatContext): StreamPlan {
  const spec = FLAVORS[ctx.flavor];
  const role: Delta = ctx.flavor === 'openai' ? { role: 'assistant', content: '', refusal: null } : { role: 'assistant', content: '' };
  const firstExtra = spec.usage === 'x_groq' ? { x_groq: { id: ctx.requestId } } : {};
  const answerDelta = (piece: string): Delta => (spec.reasoning === 'deepseek' ? { content: piece, reasoning_content: null } : { content: piece });
  const steps = [
    ...ctx.script.reasoning.map((piece) => {
      const delta = reasoningDelta(spec, piece);
      return delta === undefined ? [] : [chunk(ctx, delta, null)];
    }),
    ...ctx.script.answer.map((piece) => [chunk(ctx, answerDelta(piece), null)]),
  ];
  const error: Frame[] = [jsonFrame(openAiStreamError(ctx.flavor) as object, ctx.unknownFields)];
  if (spec.doneAfterError) error.push({ data: '[DONE]' });
  return {
    headers: { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', 'x-request-id': ctx.requestId },
    preamble: spec.queuedKeepAlive ? ': keep-alive\n\n' : undefined,
    head: [chunk(ctx, role, null, firstExtra)],
    steps,
    tail: tail(ctx),
    error,
  };
}

/** The non-streamed `chat.completion` object. */
export function chatCompletion(ctx: ChatContext): Record<string, unknown> {
  const spec = FLAVORS[ctx.flavor];
  const text = ctx.script.answer.join('');
  const thinking = ctx.script.reasoning.join('');
  const message: Record<string, unknown> = { role: 'assistant', content: text };
  if (ctx.flavor === 'openai') message['refusal'] = null;
  if (thinking.length > 0) {
    if (spec.reasoning === 'mistral-thinking') {
      message['content'] = [
        { type: 'thinking', thinking: [{ type: 'text', text: thinking }] },
        { type: 'text', text },
      ];
    } else if (spec.reasoning === 'reasoning') {
      message['reasoning'] = thinking;
    } else if (spec.reasoning !== 'hidden') {
      message['reasoning_content'] = thinking;
    }
  }
  return {
    id: ctx.id,
    object: 'chat.completion',
    created: CREATED_AT,
    model: ctx.script.model,
    ...(spec.openAiExtras ? { system_fingerprint: 'fp_1' } : {}),
    choices: [{ index: 0, message, ...(spec.openAiExtras ? { logprobs: null } : {}), finish_reason: 'stop' }],
    usage: usageObject({ ...ctx, flavor: ctx.flavor === 'groq' ? 'openai' : ctx.flavor }),
    ...(ctx.flavor === 'groq' ? { x_groq: { id: ctx.requestId } } : {}),
  };
}
