// Anthropic list prices, https://docs.anthropic.com/en/docs/about-claude/pricing. Cached
// input is a cache *read* (0.1x input); cache writes (1.25x) are not in our Usage.
import type { CatalogModel } from './model-price';

const claude = (m: Omit<CatalogModel, 'kind' | 'contextWindow' | 'vision'>): CatalogModel => ({
  kind: 'anthropic',
  contextWindow: 200_000,
  vision: true,
  ...m,
});

export const ANTHROPIC_MODELS: readonly CatalogModel[] = [
  claude({ id: 'claude-opus-4-6', label: 'Claude Opus 4.6', inputPerMTok: 5, outputPerMTok: 25, cachedInputPerMTok: 0.5, reasoning: true }),
  claude({ id: 'claude-sonnet-4-6', label: 'Claude Sonnet 4.6', inputPerMTok: 3, outputPerMTok: 15, cachedInputPerMTok: 0.3, reasoning: true }),
  claude({ id: 'claude-opus-4-5', label: 'Claude Opus 4.5', inputPerMTok: 5, outputPerMTok: 25, cachedInputPerMTok: 0.5, reasoning: true }),
  claude({ id: 'claude-sonnet-4-5', label: 'Claude Sonnet 4.5', inputPerMTok: 3, outputPerMTok: 15, cachedInputPerMTok: 0.3, reasoning: true }),
  claude({ id: 'claude-haiku-4-5', label: 'Claude Haiku 4.5', inputPerMTok: 1, outputPerMTok: 5, cachedInputPerMTok: 0.1, reasoning: true }),
  claude({ id: 'claude-opus-4-1', label: 'Claude Opus 4.1', inputPerMTok: 15, outputPerMTok: 75, cachedInputPerMTok: 1.5, reasoning: true }),
  claude({ id: 'claude-opus-4', label: 'Claude Opus 4', inputPerMTok: 15, outputPerMTok: 75, cachedInputPerMTok: 1.5, reasoning: true, aliases: ['claude-4-opus'] }),
  claude({ id: 'claude-sonnet-4', label: 'Claude Sonnet 4', inputPerMTok: 3, outputPerMTok: 15, cachedInputPerMTok: 0.3, reasoning: true, aliases: ['claude-4-sonnet'] }),
  claude({ id: 'claude-3-7-sonnet', label: 'Claude 3.7 Sonnet', inputPerMTok: 3, outputPerMTok: 15, cachedInputPerMTok: 0.3, reasoning: true }),
  claude({ id: 'claude-3-5-sonnet', label: 'Claude 3.5 Sonnet', inputPerMTok: 3, outputPerMTok: 15, cachedInputPerMTok: 0.3, reasoning: false }),
  claude({ id: 'claude-3-5-haiku', label: 'Claude 3.5 Haiku', inputPerMTok: 0.8, outputPerMTok: 4, cachedInputPerMTok: 0.08, reasoning: false }),
  claude({ id: 'claude-3-opus', label: 'Claude 3 Opus', inputPerMTok: 15, outputPerMTok: 75, cachedInputPerMTok: 1.5, reasoning: false }),
  claude({ id: 'claude-3-haiku', label: 'Claude 3 Haiku', inputPerMTok: 0.25, outputPerMTok: 1.25, cachedInputPerMTok: 0.03, reasoning: false }),
];
