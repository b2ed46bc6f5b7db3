// What a turn cost, from token counts and a catalog price. No provider streams a cost
// (see provider-wire-formats.md section 7), so it is computed here.
//
// The Usage we receive is already normalised by the adapter (the AI SDK does it):
// - inputTokens is the whole prompt, cached tokens included; cachedInputTokens is the
//   cached part of it. OpenAI prompt_tokens and Gemini promptTokenCount already include
//   their cached tokens; DeepSeek's prompt_cache_hit + miss add up to the prompt; for
//   Anthropic, input_tokens excludes cache_read/cache_creation, so the adapter adds them.
// - outputTokens is every billed output token, reasoning included; reasoningTokens is the
//   reasoning part of it, for display only. OpenAI completion_tokens include
//   reasoning_tokens and Anthropic output_tokens include thinking, as reported. Gemini's
//   thoughtsTokenCount is separate from candidatesTokenCount, so the adapter adds the two
//   (the AI SDK's convertGoogleUsage does). Reasoning is billed at the output rate by all.
// Known gaps: Anthropic cache writes cost 1.25x input but are billed here at the input rate,
// and service tiers (flex, priority) are not modelled.
import type { ModelPrice } from './catalog/model-price';
import type { Usage } from './types';

const PER_MTOK = 1_000_000;

export function costOf(usage: Usage, price: ModelPrice): number | undefined {
  const output = usage.outputTokens ?? usage.reasoningTokens;
  if (usage.inputTokens === undefined && output === undefined) return undefined;
  const input = usage.inputTokens ?? 0;
  const cached = Math.min(usage.cachedInputTokens ?? 0, input);
  const rates = price.longContext && input > price.longContext.aboveInputTokens ? price.longContext : price;
  const cachedRate = rates.cachedInputPerMTok ?? rates.inputPerMTok;
  return ((input - cached) * rates.inputPerMTok + cached * cachedRate + (output ?? 0) * rates.outputPerMTok) / PER_MTOK;
}

/** "$0.0042", "<$0.0001", "$0.12", "$1.23", "$1,234.50". Two significant digits below a dollar. */
export function formatUsd(n: number): string {
  if (!Number.isFinite(n)) return '';
  if (n < 0) return `-${formatUsd(-n)}`;
  if (n === 0) return '$0.00';
  if (n < 0.0001) return '<$0.0001';
  if (n < 1) {
    const short = Number(n.toPrecision(2));
    if (short < 1) {
      const decimals = String(short).split('.')[1]?.length ?? 0;
      return `$${short.toFixed(Math.max(2, decimals))}`;
    }
  }
  const [whole = '0', cents = '00'] = n.toFixed(2).split('.');
  return `$${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${cents}`;
}
