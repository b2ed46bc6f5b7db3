// Shapes of the model catalog: what a model can do and what it costs, in USD per million tokens.
import type { ModelInfo, ProviderKind } from '../types';

export interface ModelPrice {
  inputPerMTok: number;
  outputPerMTok: number;
  /** Price of input tokens read from the provider's prompt cache, when it differs. */
  cachedInputPerMTok?: number;
  /** Some models charge more for every token once the prompt passes a size (Gemini Pro). */
  longContext?: {
    aboveInputTokens: number;
    inputPerMTok: number;
    outputPerMTok: number;
    cachedInputPerMTok?: number;
  };
}

export interface CatalogModel extends ModelInfo, ModelPrice {
  kind: ProviderKind;
  label: string;
  /** Other names the provider uses for the same model and price ("chatgpt-4o-latest"). */
  aliases?: readonly string[];
}

/** A user's correction for one model id, as stored in settings.catalogOverrides. */
export interface CatalogOverride {
  inputPerMTok?: number;
  outputPerMTok?: number;
  contextWindow?: number;
}

export type CatalogOverrides = Readonly<Record<string, CatalogOverride>>;
