// Mistral (https://mistral.ai/pricing), Groq (https://groq.com/pricing), DeepSeek
// (https://api-docs.deepseek.com/quick_start/pricing) and xAI (https://docs.x.ai/docs/models)
// list prices, as best known in late 2026.
import type { CatalogModel } from './model-price';

type Entry = Omit<CatalogModel, 'kind'>;
const of =
  (kind: CatalogModel['kind']) =>
  (m: Entry): CatalogModel => ({ kind, ...m });
const mistral = of('mistral');
const groq = of('groq');
const deepseek = of('deepseek');
const xai = of('xai');

export const MISTRAL_MODELS: readonly CatalogModel[] = [
  // Mistral Large 3 (Dec 2025) is much cheaper than the 2411 model "mistral-large" used to mean.
  mistral({ id: 'mistral-large-2512', label: 'Mistral Large 3', contextWindow: 256_000, inputPerMTok: 0.5, outputPerMTok: 1.5, vision: true, reasoning: false }),
  mistral({ id: 'mistral-large', label: 'Mistral Large', contextWindow: 128_000, inputPerMTok: 2, outputPerMTok: 6, vision: false, reasoning: false }),
  mistral({ id: 'mistral-medium', label: 'Mistral Medium', contextWindow: 128_000, inputPerMTok: 0.4, outputPerMTok: 2, vision: true, reasoning: false }),
  mistral({ id: 'mistral-small', label: 'Mistral Small', contextWindow: 128_000, inputPerMTok: 0.1, outputPerMTok: 0.3, vision: true, reasoning: false }),
  mistral({ id: 'codestral', label: 'Codestral', contextWindow: 256_000, inputPerMTok: 0.3, outputPerMTok: 0.9, vision: false, reasoning: false }),
  mistral({ id: 'magistral-medium', label: 'Magistral Medium', contextWindow: 128_000, inputPerMTok: 2, outputPerMTok: 5, vision: false, reasoning: true }),
  mistral({ id: 'magistral-small', label: 'Magistral Small', contextWindow: 128_000, inputPerMTok: 0.5, outputPerMTok: 1.5, vision: false, reasoning: true }),
  mistral({ id: 'pixtral-large', label: 'Pixtral Large', contextWindow: 128_000, inputPerMTok: 2, outputPerMTok: 6, vision: true, reasoning: false }),
  mistral({ id: 'ministral-8b', label: 'Ministral 8B', contextWindow: 128_000, inputPerMTok: 0.1, outputPerMTok: 0.1, vision: false, reasoning: false }),
  mistral({ id: 'ministral-3b', label: 'Ministral 3B', contextWindow: 128_000, inputPerMTok: 0.04, outputPerMTok: 0.04, vision: false, reasoning: false }),
  mistral({ id: 'open-mistral-nemo', label: 'Mistral NeMo', contextWindow: 128_000, inputPerMTok: 0.15, outputPerMTok: 0.15, vision: false, reasoning: false }),
];

export const GROQ_MODELS: readonly CatalogModel[] = [
  groq({ id: 'llama-3.3-70b-versatile', label: 'Llama 3.3 70B', contextWindow: 131_072, inputPerMTok: 0.59, outputPerMTok: 0.79, vision: false, reasoning: false }),
  groq({ id: 'llama-3.1-8b-instant', label: 'Llama 3.1 8B', contextWindow: 131_072, inputPerMTok: 0.05, outputPerMTok: 0.08, vision: false, reasoning: false }),
  groq({ id: 'llama3-70b-8192', label: 'Llama 3 70B', contextWindow: 8_192, inputPerMTok: 0.59, outputPerMTok: 0.79, vision: false, reasoning: false }),
  groq({ id: 'llama3-8b-8192', label: 'Llama 3 8B', contextWindow: 8_192, inputPerMTok: 0.05, outputPerMTok: 0.08, vision: false, reasoning: false }),
  groq({
    id: 'meta-llama/llama-4-scout-17b-16e-instruct',
    label: 'Llama 4 Scout',
    contextWindow: 131_072,
    inputPerMTok: 0.11,
    outputPerMTok: 0.34,
    vision: true,
    reasoning: false,
  }),
  groq({
    id: 'meta-llama/llama-4-maverick-17b-128e-instruct',
    label: 'Llama 4 Maverick',
    contextWindow: 131_072,
    inputPerMTok: 0.2,
    outputPerMTok: 0.6,
    vision: true,
    reasoning: false,
  }),
  groq({ id: 'openai/gpt-oss-120b', label: 'GPT-OSS 120B', contextWindow: 131_072, inputPerMTok: 0.15, outputPerMTok: 0.6, vision: false, reasoning: true }),
  groq({ id: 'openai/gpt-oss-20b', label: 'GPT-OSS 20B', contextWindow: 131_072, inputPerMTok: 0.075, outputPerMTok: 0.3, vision: false, reasoning: true }),
  groq({ id: 'qwen/qwen3-32b', label: 'Qwen3 32B', contextWindow: 131_072, inputPerMTok: 0.29, outputPerMTok: 0.59, vision: false, reasoning: true }),
  groq({ id: 'moonshotai/kimi-k2-instruct', label: 'Kimi K2', contextWindow: 131_072, inputPerMTok: 1, outputPerMTok: 3, vision: false, reasoning: false }),
];

export const DEEPSEEK_MODELS: readonly CatalogModel[] = [
  // Since V3.2 both names run the same model and share one price; cache hits are 10%.
  deepseek({
    id: 'deepseek-chat',
    label: 'DeepSeek Chat',
    contextWindow: 128_000,
    inputPerMTok: 0.28,
    outputPerMTok: 0.42,
    cachedInputPerMTok: 0.028,
    vision: false,
    reasoning: false,
  }),
  deepseek({
    id: 'deepseek-reasoner',
    label: 'DeepSeek Reasoner',
    contextWindow: 128_000,
    inputPerMTok: 0.28,
    outputPerMTok: 0.42,
    cachedInputPerMTok: 0.028,
    vision: false,
    reasoning: true,
  }),
];

export const XAI_MODELS: readonly CatalogModel[] = [
  xai({ id: 'grok-4', label: 'Grok 4', contextWindow: 256_000, inputPerMTok: 3, outputPerMTok: 15, cachedInputPerMTok: 0.75, vision: true, reasoning: true }),
  xai({
    id: 'grok-4-1-fast',
    label: 'Grok 4.1 Fast',
    contextWindow: 2_000_000,
    inputPerMTok: 0.2,
    outputPerMTok: 0.5,
    cachedInputPerMTok: 0.05,
    vision: true,
    reasoning: true,
    aliases: ['grok-4-1-fast-reasoning', 'grok-4-1-fast-non-reasoning'],
  }),
  xai({
    id: 'grok-4-fast',
    label: 'Grok 4 Fast',
    contextWindow: 2_000_000,
    inputPerMTok: 0.2,
    outputPerMTok: 0.5,
    cachedInputPerMTok: 0.05,
    vision: true,
    reasoning: true,
    aliases: ['grok-4-fast-reasoning', 'grok-4-fast-non-reasoning'],
  }),
  xai({ id: 'grok-code-fast-1', label: 'Grok Code Fast', contextWindow: 256_000, inputPerMTok: 0.2, outputPerMTok: 1.5, cachedInputPerMTok: 0.02, vision: false, reasoning: true }),
  xai({ id: 'grok-3', label: 'Grok 3', contextWindow: 131_072, inputPerMTok: 3, outputPerMTok: 15, cachedInputPerMTok: 0.75, vision: false, reasoning: false }),
  xai({ id: 'grok-3-mini', label: 'Grok 3 Mini', contextWindow: 131_072, inputPerMTok: 0.3, outputPerMTok: 0.5, cachedInputPerMTok: 0.075, vision: false, reasoning: true }),
  xai({ id: 'grok-2-vision', label: 'Grok 2 Vision', contextWindow: 32_768, inputPerMTok: 2, outputPerMTok: 10, vision: true, reasoning: false }),
  xai({ id: 'grok-2', label: 'Grok 2', contextWindow: 131_072, inputPerMTok: 2, outputPerMTok: 10, vision: false, reasoning: false }),
];
