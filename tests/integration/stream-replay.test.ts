// Recorded streams in each provider's real wire shape (tests/fixtures/streams, wire facts in
// docs/wire-formats.md), replayed byte for byte over loopback through the real AI SDK packages
// and the app's own provider layer. Each case is a way a real reply ends that a person must be
// told about: a token-limit cut, a filter, a refusal, reasoning inside the text, a tool call,
// a generated image, usage that a provider reports its own way.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLanguageModel } from '../../electron/core/providers/registry';
import { streamTurn, type TurnPart } from '../../electron/core/providers/turn/stream-turn';
import type { Connection, ProviderKind, Usage } from '../../shared/types';
import { startReplay, type ReplayServer } from '../fakes/replay';

let replay: ReplayServer;
beforeAll(async () => {
  replay = await startReplay();
});
afterAll(async () => {
  await replay.close();
});

// Built-in runs in the app and has no wire format to replay.
const BASE: Record<Exclude<ProviderKind, 'builtin'>, (origin: string) => string> = {
  openai: (o) => `${o}/v1`,
  anthropic: (o) => `${o}/v1`,
  google: (o) => `${o}/v1beta`,
  mistral: (o) => `${o}/v1`,
  groq: (o) => `${o}/openai/v1`,
  deepseek: (o) => `${o}/v1`,
  xai: (o) => `${o}/v1`,
  'openai-compatible': (o) => `${o}/v1`,
  ollama: (o) => o,
};

interface Replayed {
  text: string;
  reasoning: string;
  usage?: Usage;
  finish?: Extract<TurnPart, { kind: 'finish' }>;
  toolCalls: string[];
  files: Array<{ mediaType: string; base64: string }>;
  errors: string[];
}

/**
 * Streams one recording. `baseUrl` overrides where the connection says it points (the request
 * still reaches the replay server: a host the adapter treats specially, such as api.x.ai).
 */
async function play(file: string, kind: Exclude<ProviderKind, 'builtin'>, modelId: string, baseUrl?: string): Promise<Replayed> {
  replay.play(file);
  const conn: Connection = { id: `c-${kind}`, kind, name: kind, baseUrl: baseUrl ?? BASE[kind](replay.origin), local: false, extraModels: [], createdAt: 0 };
  const fetch: typeof globalThis.fetch = (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    return globalThis.fetch(`${replay.origin}${url.pathname}${url.search}`, init);
  };
  const model = await createLanguageModel(conn, modelId, { fetch, apiKey: 'sk-replay-0000' });
  const out: Replayed = { text: '', reasoning: '', toolCalls: [], files: [], errors: [] };
  for await (const part of streamTurn({
    model,
    messages: [{ role: 'user', content: 'Hi' }],
    signal: new AbortController().signal,
    firstByteTimeoutMs: 5000,
    stallTimeoutMs: 5000,
  })) {
    switch (part.kind) {
      case 'text-delta':
        out.text += part.text;
        break;
      case 'reasoning-delta':
        out.reasoning += part.text;
        break;
      case 'usage':
        out.usage = part.usage;
        break;
      case 'finish':
        out.finish = part;
        break;
      case 'tool-call':
        out.toolCalls.push(part.toolName);
        break;
      case 'file':
        out.files.push({ mediaType: part.mediaType, base64: part.base64 });
        break;
      case 'error':
        out.errors.push(`${part.error.kind}: ${part.error.message}`);
        break;
    }
  }
  return out;
}

describe('finish reasons a person must see', () => {
  it('vLLM cut at max_tokens ends as length, keeping the text and usage', async () => {
    const r = await play('vllm-length.sse', 'openai-compatible', 'Qwen/Qwen3-8B');
    expect(r.errors).toEqual([]);
    expect(r.text).toBe('The three primary colours of light are red,');
    expect(r.finish).toEqual({ kind: 'finish', reason: 'length', raw: 'length' });
    expect(r.usage).toMatchObject({ inputTokens: 21, outputTokens: 16 });
  });

  it('OpenAI Responses incomplete (max_output_tokens) ends as length', async () => {
    const r = await play('openai-responses-max-output-tokens.sse', 'openai', 'gpt-5-mini');
    expect(r.text).toBe('Photosynthesis turns light, water and carbon dioxide into');
    expect(r.finish).toMatchObject({ reason: 'length', raw: 'max_output_tokens' });
    expect(r.usage).toMatchObject({ inputTokens: 18, outputTokens: 64, reasoningTokens: 52 });
  });

  it('Anthropic max_tokens ends as length', async () => {
    const r = await play('anthropic-max-tokens.sse', 'anthropic', 'claude-sonnet-4-5');
    expect(r.text).toBe('Once upon a time, in a valley between two');
    expect(r.finish).toMatchObject({ reason: 'length', raw: 'max_tokens' });
  });

  it('Ollama done_reason length ends as length', async () => {
    const r = await play('ollama-length.ndjson', 'ollama', 'llama3.2:3b');
    expect(r.text).toBe('Chapter one: the harbour');
    expect(r.finish).toMatchObject({ reason: 'length' });
    expect(r.usage).toMatchObject({ inputTokens: 30, outputTokens: 5 });
  });

  it('Azure content_filter ends as content-filter, not as a normal end or an error', async () => {
    const r = await play('azure-content-filter.sse', 'openai-compatible', 'gpt-4o');
    expect(r.errors).toEqual([]);
    expect(r.text).toBe('Here is how the');
    expect(r.finish).toMatchObject({ reason: 'content-filter', raw: 'content_filter' });
  });

  it('Gemini SAFETY ends as content-filter', async () => {
    const r = await play('gemini-safety.sse', 'google', 'gemini-2.5-flash');
    expect(r.text).toBe('Step one is to');
    expect(r.finish).toMatchObject({ reason: 'content-filter', raw: 'SAFETY' });
  });

  it('Anthropic stop_reason refusal ends as refusal and keeps its usage', async () => {
    const r = await play('anthropic-refusal.sse', 'anthropic', 'claude-sonnet-4-5');
    expect(r.finish).toMatchObject({ reason: 'refusal', raw: 'refusal' });
    expect(r.usage).toMatchObject({ inputTokens: 412, outputTokens: 96 });
  });

  it('an OpenAI Chat Completions refusal field ends as refusal, its words shown', async () => {
    const r = await play('openai-chat-refusal.sse', 'openai-compatible', 'gpt-4o');
    expect(r.text).toBe("I'm sorry, I can't help with that.");
    expect(r.finish).toMatchObject({ reason: 'refusal' });
  });

  it('an OpenAI Responses refusal ends as refusal', async () => {
    const r = await play('openai-responses-refusal.sse', 'openai', 'gpt-4o');
    expect(r.text).toBe("I'm sorry, but I can't help with that.");
    expect(r.finish).toMatchObject({ reason: 'refusal' });
  });
});

describe('reasoning inside the answer text', () => {
  it('<think> split across chunks (Qwen3 on llama.cpp) goes to reasoning, never to the answer', async () => {
    const r = await play('llamacpp-think-split.sse', 'openai-compatible', 'Qwen3-8B');
    expect(r.reasoning).toBe('\nThe user says hi. A short, friendly greeting back.\n');
    expect(r.text.trim()).toBe('Hello! How can I help?');
    expect(r.text).not.toMatch(/think/);
  });

  it('harmony analysis/final channels (gpt-oss raw from llama.cpp) split inside their tokens', async () => {
    const r = await play('llamacpp-harmony.sse', 'openai-compatible', 'gpt-oss-20b');
    expect(r.reasoning).toBe('User asks 2+2. Simple arithmetic: 4.');
    expect(r.text).toBe('2 + 2 = 4.');
  });

  it('<think> in Ollama message content (server that does not split thinking)', async () => {
    const r = await play('ollama-think-inline.ndjson', 'ollama', 'deepseek-r1:8b');
    expect(r.reasoning).toBe('\nThey want a haiku about rain.\n');
    expect(r.text.trim()).toBe('Soft rain on the roof');
  });
});

describe('usage as each provider reports it', () => {
  it('xAI Chat Completions: output is completion + reasoning tokens', async () => {
    const r = await play('xai-chat-reasoning-usage.sse', 'openai-compatible', 'grok-3-mini', 'https://api.x.ai/v1');
    expect(r.reasoning).toBe('Simple sum: 2+2 is 4.');
    expect(r.text).toBe('4');
    expect(r.usage).toEqual({ inputTokens: 14, outputTokens: 201, reasoningTokens: 200, cachedInputTokens: 6 });
  });

  it('the same xAI-shaped usage from another host keeps the OpenAI reading', async () => {
    const r = await play('xai-chat-reasoning-usage.sse', 'openai-compatible', 'grok-3-mini');
    expect(r.usage?.outputTokens).toBe(1);
  });

  it('Anthropic compaction: the summary is kept apart from the answer; usage counts every billed iteration', async () => {
    const r = await play('anthropic-compaction.sse', 'anthropic', 'claude-opus-4-6');
    expect(r.text).toBe('For day two, start in Alfama before the crowds.');
    expect(r.reasoning).toContain('The user is planning a trip to Lisbon in May');
    expect(r.usage).toMatchObject({ inputTokens: 203000, outputTokens: 4500 });
    expect(r.finish).toMatchObject({ reason: 'stop' });
  });

  it('an Ollama final line without message keeps its usage and finish', async () => {
    const r = await play('ollama-final-without-message.ndjson', 'ollama', 'llama3.2:3b');
    expect(r.errors).toEqual([]);
    expect(r.text).toBe('Hi there!');
    expect(r.usage).toMatchObject({ inputTokens: 26, outputTokens: 3 });
    expect(r.finish).toMatchObject({ reason: 'stop' });
  });
});

describe('replies that are not text', () => {
  it('a tool-call-only reply reports the tool it asked for and ends as tool-calls', async () => {
    const r = await play('vllm-tool-call.sse', 'openai-compatible', 'Qwen/Qwen2.5-7B-Instruct');
    expect(r.text).toBe('');
    expect(r.toolCalls).toEqual(['get_weather']);
    expect(r.finish).toMatchObject({ reason: 'tool-calls' });
  });

  it('a Gemini image reply arrives as a file part', async () => {
    const r = await play('gemini-image.sse', 'google', 'gemini-2.5-flash-image');
    expect(r.files).toHaveLength(1);
    expect(r.files[0]?.mediaType).toBe('image/png');
    expect(Buffer.from(r.files[0]!.base64, 'base64').subarray(1, 4).toString()).toBe('PNG');
    expect(r.finish).toMatchObject({ reason: 'stop' });
  });
});
