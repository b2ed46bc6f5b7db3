// Fake LLM provider servers on loopback, one per wire format. See /work/shared/provider-wire-formats.md.
import { anthropicHandler } from './anthropic';
import { geminiHandler } from './gemini';
import { ollamaHandler } from './ollama';
import { openAiChatHandler } from './openai-chat';
import { FLAVORS } from './openai-flavors';
import { openAiResponsesHandler } from './openai-responses';
import { startHttpFake, type FormatHandler } from './server';
import type { FakeBehaviour, FakeFlavor, FakeFormat, FakeServer, StartOptions } from './types';

export type { FakeBehaviour, FakeFlavor, FakeFormat, FakeServer, GeminiDelimiter, RecordedRequest, StartOptions } from './types';
export { realisticMarkdownTokens } from './markdown-tokens';

function handlerFor(format: FakeFormat, flavor: FakeFlavor): FormatHandler {
  switch (format) {
    case 'openai-chat':
      return openAiChatHandler(flavor);
    case 'openai-responses':
      return openAiResponsesHandler;
    case 'anthropic':
      return anthropicHandler;
    case 'gemini':
      return geminiHandler;
    case 'ollama':
      return ollamaHandler;
  }
}

/**
 * The base URL each AI SDK provider package wants (it appends the endpoint path itself):
 * - @ai-sdk/openai (use `.chat()` for Chat Completions, `.responses()` for Responses): origin + `/v1`
 * - @ai-sdk/groq: origin + `/openai/v1`; @ai-sdk/deepseek: origin (bare host, as api.deepseek.com)
 * - @ai-sdk/mistral, @ai-sdk/xai, @ai-sdk/openai-compatible: origin + `/v1`
 * - @ai-sdk/anthropic: origin + `/v1` (it appends `/messages`)
 * - @ai-sdk/google: origin + `/v1beta`
 * - ollama-ai-provider-v2: origin + `/api` (sdkBaseUrl); baseUrl is the bare host a user types
 */
function baseUrls(format: FakeFormat, flavor: FakeFlavor, origin: string): { baseUrl: string; sdkBaseUrl: string } {
  switch (format) {
    case 'openai-chat': {
      const url = flavor === 'deepseek' ? origin : `${origin}${FLAVORS[flavor].prefix}/v1`;
      return { baseUrl: url, sdkBaseUrl: url };
    }
    case 'openai-responses':
    case 'anthropic':
      return { baseUrl: `${origin}/v1`, sdkBaseUrl: `${origin}/v1` };
    case 'gemini':
      return { baseUrl: `${origin}/v1beta`, sdkBaseUrl: `${origin}/v1beta` };
    case 'ollama':
      return { baseUrl: origin, sdkBaseUrl: `${origin}/api` };
  }
}

export async function startFake(format: FakeFormat, behaviour: FakeBehaviour = {}, options: StartOptions = {}): Promise<FakeServer> {
  const flavor = options.flavor ?? 'openai';
  const fake = await startHttpFake(handlerFor(format, flavor), behaviour, options.port);
  return {
    ...baseUrls(format, flavor, fake.origin),
    origin: fake.origin,
    requests: fake.requests,
    get closedEarly() {
      return fake.closedEarly();
    },
    setBehaviour: fake.setBehaviour,
    close: fake.close,
  };
}
