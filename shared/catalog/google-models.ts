// Gemini API paid-tier prices, https://ai.google.dev/gemini-api/docs/pricing. Pro models
// charge a higher rate for every token once the prompt exceeds 200k tokens.
import type { CatalogModel } from './model-price';

const gemini = (m: Omit<CatalogModel, 'kind' | 'vision'>): CatalogModel => ({ kind: 'google', vision: true, ...m });
const MILLION_CONTEXT = 1_048_576;

export const GOOGLE_MODELS: readonly CatalogModel[] = [
  gemini({
    id: 'gemini-3-pro',
    label: 'Gemini 3 Pro',
    contextWindow: MILLION_CONTEXT,
    reasoning: true,
    inputPerMTok: 2,
    outputPerMTok: 12,
    cachedInputPerMTok: 0.2,
    longContext: { aboveInputTokens: 200_000, inputPerMTok: 4, outputPerMTok: 18, cachedInputPerMTok: 0.4 },
  }),
  gemini({ id: 'gemini-3-flash', label: 'Gemini 3 Flash', contextWindow: MILLION_CONTEXT, reasoning: true, inputPerMTok: 0.5, outputPerMTok: 3, cachedInputPerMTok: 0.05 }),
  gemini({
    id: 'gemini-2.5-pro',
    label: 'Gemini 2.5 Pro',
    contextWindow: MILLION_CONTEXT,
    reasoning: true,
    inputPerMTok: 1.25,
    outputPerMTok: 10,
    cachedInputPerMTok: 0.125,
    longContext: { aboveInputTokens: 200_000, inputPerMTok: 2.5, outputPerMTok: 15, cachedInputPerMTok: 0.25 },
  }),
  gemini({ id: 'gemini-2.5-flash', label: 'Gemini 2.5 Flash', contextWindow: MILLION_CONTEXT, reasoning: true, inputPerMTok: 0.3, outputPerMTok: 2.5, cachedInputPerMTok: 0.03 }),
  gemini({
    id: 'gemini-2.5-flash-lite',
    label: 'Gemini 2.5 Flash-Lite',
    contextWindow: MILLION_CONTEXT,
    reasoning: true,
    inputPerMTok: 0.1,
    outputPerMTok: 0.4,
    cachedInputPerMTok: 0.01,
  }),
  gemini({ id: 'gemini-2.0-flash', label: 'Gemini 2.0 Flash', contextWindow: MILLION_CONTEXT, reasoning: false, inputPerMTok: 0.1, outputPerMTok: 0.4, cachedInputPerMTok: 0.025 }),
  gemini({ id: 'gemini-2.0-flash-lite', label: 'Gemini 2.0 Flash-Lite', contextWindow: MILLION_CONTEXT, reasoning: false, inputPerMTok: 0.075, outputPerMTok: 0.3 }),
  gemini({
    id: 'gemini-1.5-pro',
    label: 'Gemini 1.5 Pro',
    contextWindow: 2_097_152,
    reasoning: false,
    inputPerMTok: 1.25,
    outputPerMTok: 5,
    cachedInputPerMTok: 0.3125,
    longContext: { aboveInputTokens: 128_000, inputPerMTok: 2.5, outputPerMTok: 10, cachedInputPerMTok: 0.625 },
  }),
  gemini({
    id: 'gemini-1.5-flash',
    label: 'Gemini 1.5 Flash',
    contextWindow: MILLION_CONTEXT,
    reasoning: false,
    inputPerMTok: 0.075,
    outputPerMTok: 0.3,
    cachedInputPerMTok: 0.01875,
  }),
];
