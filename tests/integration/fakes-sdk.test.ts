// The AI SDK provider packages the app uses parse every fake's stream, at the base URL the fake
// advertises: text, reasoning and usage come through, and a wrong key surfaces as an error.
import { streamText, type LanguageModel } from 'ai';
import { createAnthropic } from '@ai-sdk/anthropic';
import { createDeepSeek } from '@ai-sdk/deepseek';
import { createGoogleGenerativeAI } from '@ai-sdk/google';
import { createGroq } from '@ai-sdk/groq';
import { createMistral } from '@ai-sdk/mistral';
import { createOpenAI } from '@ai-sdk/openai';
import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import { createXai } from '@ai-sdk/xai';
import { createOllama } from 'ollama-ai-provider-v2';
import { afterEach, describe, expect, it } from 'vitest';
import { startFake, type FakeFlavor, type FakeFormat, type FakeServer } from '../fakes/index';

type Case = [name: string, format: FakeFormat, flavor: FakeFlavor | undefined, model: (baseURL: string, apiKey: string) => LanguageModel, reasons: boolean];

const CASES: Case[] = [
  ['@ai-sdk/openai .chat()', 'openai-chat', 'openai', (baseURL, apiKey) => createOpenAI({ baseURL, apiKey }).chat('gpt-4o'), false],
  ['@ai-sdk/openai .responses()', 'openai-responses', undefined, (baseURL, apiKey) => createOpenAI({ baseURL, apiKey }).responses('o3-mini'), true],
  ['@ai-sdk/anthropic', 'anthropic', undefined, (baseURL, apiKey) => createAnthropic({ baseURL, apiKey })('claude-sonnet-4-5'), true],
  ['@ai-sdk/google', 'gemini', undefined, (baseURL, apiKey) => createGoogleGenerativeAI({ baseURL, apiKey })('gemini-2.5-flash'), true],
  ['ollama-ai-provider-v2', 'ollama', undefined, (baseURL, apiKey) => createOllama({ baseURL, headers: { authorization: `Bearer ${apiKey}` } })('qwen3:8b'), true],
  ['@ai-sdk/groq', 'openai-chat', 'groq', (baseURL, apiKey) => createGroq({ baseURL, apiKey })('qwen/qwen3-32b'), true],
  ['@ai-sdk/deepseek', 'openai-chat', 'deepseek', (baseURL, apiKey) => createDeepSeek({ baseURL, apiKey })('deepseek-reasoner'), true],
  ['@ai-sdk/mistral', 'openai-chat', 'mistral', (baseURL, apiKey) => createMistral({ baseURL, apiKey })('magistral-small-latest'), true],
  ['@ai-sdk/xai (Responses API)', 'openai-responses', undefined, (baseURL, apiKey) => createXai({ baseURL, apiKey })('grok-4'), true],
  ...(['vllm', 'ollama-v1', 'lmstudio', 'llamacpp', 'together', 'xai'] as const).map((flavor): Case => [
    `@ai-sdk/openai-compatible (${flavor})`,
    'openai-chat',
    flavor,
    (baseURL, apiKey) => createOpenAICompatible({ name: flavor, baseURL, apiKey, includeUsage: true })('m'),
    true,
  ]),
];

const open: FakeServer[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((fake) => fake.close()));
});

async function run(model: LanguageModel): Promise<{ text: string; reasoning: string; errors: unknown[]; input?: number; output?: number }> {
  const errors: unknown[] = [];
  const result = streamText({
    model,
    prompt: 'hi',
    maxRetries: 0,
    onError: ({ error }) => {
      errors.push(error);
    },
  });
  let text = '';
  let reasoning = '';
  for await (const part of result.fullStream) {
    if (part.type === 'text-delta') text += part.text;
    if (part.type === 'reasoning-delta') reasoning += part.text;
  }
  const usage = errors.length === 0 ? await result.usage : undefined;
  return { text, reasoning, errors, input: usage?.inputTokens, output: usage?.outputTokens };
}

describe.each(CASES)('%s against the fake', (_name, format, flavor, makeModel, reasons) => {
  it('streams text, reasoning and usage', async () => {
    const fake = await startFake(format, { tokens: ['Hello', '!'], reasoning: ['Let', ' me'], keepAlive: true, unknownFields: true, requiredKey: 'right' }, { flavor });
    open.push(fake);
    const result = await run(makeModel(fake.sdkBaseUrl, 'right'));
    expect(result.errors).toEqual([]);
    expect(result.text).toBe('Hello!');
    expect(result.reasoning).toBe(reasons ? 'Let me' : '');
    expect(result.input).toBe(9);
    expect(result.output).toBe(4);
  });

  it('reports a wrong key as an error', async () => {
    const fake = await startFake(format, { requiredKey: 'right' }, { flavor });
    open.push(fake);
    const result = await run(makeModel(fake.sdkBaseUrl, 'wrong'));
    expect(result.text).toBe('');
    expect(result.errors).toHaveLength(1);
  });
});
