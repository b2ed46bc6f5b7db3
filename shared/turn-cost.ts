// What one turn cost: @pydantic/genai-prices (a maintained, offline price dataset with dated
// prices) first, the hand catalog for what it lacks, undefined ("price unknown") when neither
// knows the model. Never a network call: the package's updatePrices() is not used.
import { calcPrice } from '@pydantic/genai-prices';
import { lookupModel } from './catalog';
import { costOf } from './cost';
import type { ProviderKind, Usage } from './types';

/** genai-prices provider ids for the kinds whose host is fixed. */
const DATASET_PROVIDER: Partial<Record<ProviderKind, string>> = {
  openai: 'openai',
  anthropic: 'anthropic',
  google: 'google',
  mistral: 'mistral',
  groq: 'groq',
  deepseek: 'deepseek',
  xai: 'x-ai',
};

export interface TurnCostContext {
  /** The connection reaches a model on this machine: it costs nothing. */
  local: boolean;
  /** The connection's base URL: prices an OpenAI-compatible host the dataset knows (Together, OpenRouter…). */
  baseUrl?: string;
  /** When the turn ran; the dataset keeps past prices. */
  at?: Date;
}

function fromDataset(kind: ProviderKind, modelId: string, usage: Usage, ctx: TurnCostContext): number | undefined {
  const providerId = DATASET_PROVIDER[kind];
  if (!providerId && !ctx.baseUrl) return undefined;
  const tokens = {
    input_tokens: usage.inputTokens ?? 0,
    output_tokens: usage.outputTokens ?? usage.reasoningTokens ?? 0,
    ...(usage.cachedInputTokens ? { cache_read_tokens: usage.cachedInputTokens } : {}),
  };
  const options = {
    ...(providerId ? { providerId } : { providerApiUrl: ctx.baseUrl }),
    ...(ctx.at ? { timestamp: ctx.at } : {}),
  };
  try {
    const result = calcPrice(tokens, modelId.replace(/^models\//, ''), options);
    return result && Number.isFinite(result.total_price) ? result.total_price : undefined;
  } catch {
    // A dataset entry we cannot evaluate is the same as no entry.
    return undefined;
  }
}

export function costOfTurn(kind: ProviderKind, modelId: string, usage: Usage, ctx: TurnCostContext): number | undefined {
  if (ctx.local || kind === 'ollama') return 0;
  if (usage.inputTokens === undefined && usage.outputTokens === undefined && usage.reasoningTokens === undefined) return undefined;
  const dataset = fromDataset(kind, modelId, usage, ctx);
  if (dataset !== undefined) return dataset;
  const price = lookupModel(kind, modelId);
  return price ? costOf(usage, price) : undefined;
}
