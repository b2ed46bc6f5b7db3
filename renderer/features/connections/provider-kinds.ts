// The connection form's view of shared/provider-kinds.ts: what to prefill, what to show greyed out.
import { PROVIDER_KIND_FACTS } from '../../../shared/provider-kinds';
import { PROVIDER_KINDS, type ProviderKind } from '../../../shared/types';

export interface KindInfo {
  label: string;
  needsKey: boolean;
  needsUrl: boolean;
  /** Filled in for kinds that need an address (local servers). */
  defaultUrl?: string;
  /** Shown greyed out where the provider's own address is the default. */
  placeholderUrl?: string;
  /** Runs inside Enclave: no address, models are files added by path. */
  inApp?: boolean;
}

function formInfo(kind: ProviderKind): KindInfo {
  const f = PROVIDER_KIND_FACTS[kind];
  const prefill = f.needsUrl ? (f.defaultUrl ?? f.suggestedUrl) : undefined;
  const placeholder = f.needsUrl ? undefined : f.defaultUrl;
  return {
    label: f.label,
    needsKey: f.needsKey,
    needsUrl: f.needsUrl,
    ...(prefill ? { defaultUrl: prefill } : {}),
    ...(placeholder ? { placeholderUrl: placeholder } : {}),
    ...(f.inApp ? { inApp: true } : {}),
  };
}

export const KIND_INFO = Object.fromEntries(PROVIDER_KINDS.map((k) => [k, formInfo(k)])) as Record<ProviderKind, KindInfo>;
