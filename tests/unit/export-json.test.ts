import { describe, expect, it } from 'vitest';
import { toEnclaveJson } from '../../shared/export/enclave-json';
import type { ConversationBundle } from '../../shared/types';
import { SAMPLE_BUNDLES } from '../fixtures/export/sample-bundles';

describe('toEnclaveJson', () => {
  it('writes a versioned envelope with the injected export time and two-space indent', () => {
    const json = toEnclaveJson(SAMPLE_BUNDLES, { now: () => Date.UTC(2025, 5, 1) });
    expect(json.startsWith('{\n  "format": "enclave.conversations",\n  "version": 1,\n  "exportedAt": "2025-06-01T00:00:00.000Z",\n')).toBe(true);
    expect(json.endsWith('}\n')).toBe(true);
    expect(JSON.parse(json).conversations).toHaveLength(2);
  });

  it('writes keys in one fixed order, whatever order the objects were built in', () => {
    const [first] = SAMPLE_BUNDLES as [ConversationBundle];
    const shuffled: ConversationBundle = {
      messages: first.messages.map((m) => Object.fromEntries(Object.entries(m).reverse()) as typeof m),
      conversation: Object.fromEntries(Object.entries(first.conversation).reverse()) as typeof first.conversation,
    };
    const now = () => 0;
    expect(toEnclaveJson([shuffled], { now })).toBe(toEnclaveJson([first], { now }));
  });

  it('leaves out fields that are not part of the schema', () => {
    const [first] = SAMPLE_BUNDLES as [ConversationBundle];
    const extra = {
      conversation: { ...first.conversation, apiKey: 'sk-secret-conversation' },
      messages: first.messages.map((m) => ({ ...m, apiKey: 'sk-secret-message', model: m.model && { ...m.model, key: 'sk-secret-model' } })),
      vault: 'sk-secret-bundle',
    };
    const json = toEnclaveJson([extra as ConversationBundle], { now: () => 0 });
    expect(json).not.toContain('sk-secret');
    expect(json).toBe(toEnclaveJson([first], { now: () => 0 }));
  });
});
