// The one interface every provider kind implements. Everything provider-specific lives in that
// kind's adapter file; the rest of the provider layer only sees this shape. Facts other layers
// need too (name, key, default address) live in shared/provider-kinds.ts.
import type { wrapLanguageModel } from 'ai';
import type { ModelInfo, ProviderKind } from '../../../shared/types';
import type { BuiltinRuntime } from '../builtin/builtin-runtime';

export type Fetch = typeof globalThis.fetch;

/** What every provider package's factory returns (LanguageModelV4). */
export type ProviderModel = ReturnType<typeof wrapLanguageModel>;

export interface ModelArgs {
  /** The connection's base URL, or the kind's default, without a trailing slash. */
  baseUrl: string;
  modelId: string;
  fetch: Fetch;
  apiKey?: string;
  /** The core's built-in engine, for the kind that runs inside Enclave. */
  builtin?: BuiltinRuntime;
}

export interface ListArgs {
  baseUrl: string;
  fetch: Fetch;
  apiKey?: string;
  signal?: AbortSignal;
  builtin?: BuiltinRuntime;
}

export interface ProviderAdapter {
  kind: ProviderKind;
  createModel(args: ModelArgs): ProviderModel;
  listModels(args: ListArgs): Promise<ModelInfo[]>;
}
