// OpenAI list prices (standard tier), https://openai.com/api/pricing and
// https://platform.openai.com/docs/models. Checked as best known in late 2026.
import type { CatalogModel } from './model-price';

const openai = (m: Omit<CatalogModel, 'kind'>): CatalogModel => ({ kind: 'openai', ...m });

export const OPENAI_MODELS: readonly CatalogModel[] = [
  openai({ id: 'gpt-5.2', label: 'GPT-5.2', contextWindow: 400_000, inputPerMTok: 1.75, outputPerMTok: 14, cachedInputPerMTok: 0.175, vision: true, reasoning: true }),
  openai({
    id: 'gpt-5.1',
    label: 'GPT-5.1',
    contextWindow: 400_000,
    inputPerMTok: 1.25,
    outputPerMTok: 10,
    cachedInputPerMTok: 0.125,
    vision: true,
    reasoning: true,
    aliases: ['gpt-5.1-chat', 'gpt-5.1-codex'],
  }),
  openai({
    id: 'gpt-5',
    label: 'GPT-5',
    contextWindow: 400_000,
    inputPerMTok: 1.25,
    outputPerMTok: 10,
    cachedInputPerMTok: 0.125,
    vision: true,
    reasoning: true,
    aliases: ['gpt-5-chat', 'gpt-5-codex'],
  }),
  openai({ id: 'gpt-5-mini', label: 'GPT-5 mini', contextWindow: 400_000, inputPerMTok: 0.25, outputPerMTok: 2, cachedInputPerMTok: 0.025, vision: true, reasoning: true }),
  openai({ id: 'gpt-5-nano', label: 'GPT-5 nano', contextWindow: 400_000, inputPerMTok: 0.05, outputPerMTok: 0.4, cachedInputPerMTok: 0.005, vision: true, reasoning: true }),
  openai({ id: 'gpt-4.1', label: 'GPT-4.1', contextWindow: 1_047_576, inputPerMTok: 2, outputPerMTok: 8, cachedInputPerMTok: 0.5, vision: true, reasoning: false }),
  openai({ id: 'gpt-4.1-mini', label: 'GPT-4.1 mini', contextWindow: 1_047_576, inputPerMTok: 0.4, outputPerMTok: 1.6, cachedInputPerMTok: 0.1, vision: true, reasoning: false }),
  openai({ id: 'gpt-4.1-nano', label: 'GPT-4.1 nano', contextWindow: 1_047_576, inputPerMTok: 0.1, outputPerMTok: 0.4, cachedInputPerMTok: 0.025, vision: true, reasoning: false }),
  openai({
    id: 'gpt-4o',
    label: 'GPT-4o',
    contextWindow: 128_000,
    inputPerMTok: 2.5,
    outputPerMTok: 10,
    cachedInputPerMTok: 1.25,
    vision: true,
    reasoning: false,
    aliases: ['chatgpt-4o'],
  }),
  openai({ id: 'gpt-4o-mini', label: 'GPT-4o mini', contextWindow: 128_000, inputPerMTok: 0.15, outputPerMTok: 0.6, cachedInputPerMTok: 0.075, vision: true, reasoning: false }),
  openai({ id: 'o3', label: 'o3', contextWindow: 200_000, inputPerMTok: 2, outputPerMTok: 8, cachedInputPerMTok: 0.5, vision: true, reasoning: true }),
  openai({ id: 'o3-pro', label: 'o3-pro', contextWindow: 200_000, inputPerMTok: 20, outputPerMTok: 80, vision: true, reasoning: true }),
  openai({ id: 'o3-mini', label: 'o3-mini', contextWindow: 200_000, inputPerMTok: 1.1, outputPerMTok: 4.4, cachedInputPerMTok: 0.55, vision: false, reasoning: true }),
  openai({ id: 'o4-mini', label: 'o4-mini', contextWindow: 200_000, inputPerMTok: 1.1, outputPerMTok: 4.4, cachedInputPerMTok: 0.275, vision: true, reasoning: true }),
  openai({ id: 'o1', label: 'o1', contextWindow: 200_000, inputPerMTok: 15, outputPerMTok: 60, cachedInputPerMTok: 7.5, vision: true, reasoning: true }),
  openai({ id: 'o1-mini', label: 'o1-mini', contextWindow: 128_000, inputPerMTok: 1.1, outputPerMTok: 4.4, cachedInputPerMTok: 0.55, vision: false, reasoning: true }),
  openai({ id: 'gpt-4-turbo', label: 'GPT-4 Turbo', contextWindow: 128_000, inputPerMTok: 10, outputPerMTok: 30, vision: true, reasoning: false }),
  openai({ id: 'gpt-3.5-turbo', label: 'GPT-3.5 Turbo', contextWindow: 16_385, inputPerMTok: 0.5, outputPerMTok: 1.5, vision: false, reasoning: false }),
];
