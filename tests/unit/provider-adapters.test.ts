import { describe, expect, it } from 'vitest';
import type { ProviderKind } from '../../shared/types';
import { PROVIDER_KIND_FACTS } from '../../shared/provider-kinds';
import { loadAdapter } from '../../electron/core/providers/adapters';

const KINDS = Object.keys(PROVIDER_KIND_FACTS) as ProviderKind[];

describe('provider adapters loaded on first use', () => {
  it.each(KINDS)('%s: the loader hands back that kind’s own adapter', async (kind) => {
    const adapter = await loadAdapter(kind);
    expect(adapter.kind).toBe(kind);
    expect(typeof adapter.createModel).toBe('function');
  });

  it('hands every caller the same adapter, importing it once', async () => {
    const [a, b] = await Promise.all([loadAdapter('anthropic'), loadAdapter('anthropic')]);
    expect(a).toBe(b);
  });
});
