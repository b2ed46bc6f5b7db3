// Per-provider request defaults (reasoning summaries, thinking flags, option placement) applied
// inside the model itself, so streamTurn stays provider-agnostic.
import { wrapLanguageModel, type LanguageModelMiddleware } from 'ai';
import type { ProviderModel } from '../adapter';

type TransformParams = NonNullable<LanguageModelMiddleware['transformParams']>;
export type CallParams = Parameters<TransformParams>[0]['params'];
type JsonObject = NonNullable<CallParams['providerOptions']>[string];

export function withCallDefaults(model: ProviderModel, transform: (params: CallParams) => CallParams): ProviderModel {
  return wrapLanguageModel({ model, middleware: { transformParams: async ({ params }) => transform(params) } });
}

/** Adds provider options under `namespace`; options the caller set explicitly win. */
export function withProviderOptions(model: ProviderModel, namespace: string, defaults: JsonObject): ProviderModel {
  return withCallDefaults(model, (params) => ({
    ...params,
    providerOptions: {
      ...params.providerOptions,
      [namespace]: { ...defaults, ...params.providerOptions?.[namespace] },
    },
  }));
}
