import { describe, expect, it } from 'vitest';
import type { ProviderKind } from '../../shared/types';
import { loadAdapter, PROVIDER_FACTS } from '../../electron/core/providers/adapters';

const KINDS = Object.keys(PROVIDER_FACTS) as ProviderKind[];

describe('provider adapters loaded on first use', () => {
  it.each(KINDS)('%s: the facts known at start-up are the adapter’s own', async (kind) => {
    const adapter = await loadAdapter(kind);
    expect(adapter.kind).toBe(kind);
    expect({ label: adapter.label, needsKey: adapter.needsKey, runsInApp: adapter.runsInApp }).toEqual({
      label: PROVIDER_FACTS[kind].label,
      needsKey: PROVIDER_FACTS[kind].needsKey,
      runsInApp: PROVIDER_FACTS[kind].runsInApp,
    });
  });

  it('hands every caller the same adapter, importing it once', async () => {
    const [a, b] = await Promise.all([loadAdapter('anthropic'), loadAdapter('anthropic')]);
    expect(a).toBe(b);
  });
});
