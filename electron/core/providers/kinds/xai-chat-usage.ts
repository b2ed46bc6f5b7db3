// xAI's Chat Completions counts reasoning apart: `completion_tokens` excludes
// `completion_tokens_details.reasoning_tokens`, unlike OpenAI's, where it includes them. Both
// are billed as output, so output = completion + reasoning there (xAI's own SDK package does the
// same for its chat API). Reached when someone adds api.x.ai as an OpenAI-compatible server.
import type { OpenAICompatibleProviderSettings } from '@ai-sdk/openai-compatible';

type UsageConverter = NonNullable<OpenAICompatibleProviderSettings['convertUsage']>;

export function isXaiHost(baseUrl: string): boolean {
  try {
    const host = new URL(baseUrl).hostname;
    return host === 'x.ai' || host.endsWith('.x.ai');
  } catch {
    return false;
  }
}

export const convertXaiChatUsage: UsageConverter = (usage) => {
  const prompt = usage?.prompt_tokens ?? undefined;
  const completion = usage?.completion_tokens ?? undefined;
  const cached = usage?.prompt_tokens_details?.cached_tokens ?? 0;
  const reasoning = usage?.completion_tokens_details?.reasoning_tokens ?? 0;
  return {
    inputTokens: {
      total: prompt,
      noCache: prompt === undefined ? undefined : prompt - cached,
      cacheRead: cached,
      cacheWrite: undefined,
    },
    outputTokens: {
      total: completion === undefined ? undefined : completion + reasoning,
      text: completion,
      reasoning,
    },
  };
};

/** The usage converter a base URL needs; undefined keeps the SDK's OpenAI reading. */
export function usageConverterFor(baseUrl: string): UsageConverter | undefined {
  return isXaiHost(baseUrl) ? convertXaiChatUsage : undefined;
}
