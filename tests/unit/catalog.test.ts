import { describe, expect, it } from 'vitest';
import { catalogModels, familyCandidates, lookupModel } from '../../shared/catalog';
import { PROVIDER_KINDS } from '../../shared/types';

describe('lookupModel', () => {
  it.each([
    ['openai', 'gpt-4o-2024-08-06', 'gpt-4o'],
    ['openai', 'gpt-4o-mini-2024-07-18', 'gpt-4o-mini'],
    ['openai', 'gpt-4.1-nano-2025-04-14', 'gpt-4.1-nano'],
    ['openai', 'o3-mini-2025-01-31', 'o3-mini'],
    ['openai', 'o3-pro-2025-06-10', 'o3-pro'],
    ['openai', 'gpt-5-chat-latest', 'gpt-5'],
    ['openai', 'chatgpt-4o-latest', 'gpt-4o'],
    ['openai', 'gpt-3.5-turbo-0125', 'gpt-3.5-turbo'],
    ['anthropic', 'claude-sonnet-4-5-20250929', 'claude-sonnet-4-5'],
    ['anthropic', 'claude-opus-4-1-20250805', 'claude-opus-4-1'],
    ['anthropic', 'claude-opus-4-20250514', 'claude-opus-4'],
    ['anthropic', 'claude-3-5-sonnet-latest', 'claude-3-5-sonnet'],
    ['anthropic', 'claude-3-7-sonnet-20250219', 'claude-3-7-sonnet'],
    ['google', 'models/gemini-2.5-flash', 'gemini-2.5-flash'],
    ['google', 'gemini-2.5-flash-preview-05-20', 'gemini-2.5-flash'],
    ['google', 'gemini-2.5-flash-lite', 'gemini-2.5-flash-lite'],
    ['google', 'gemini-2.0-flash-001', 'gemini-2.0-flash'],
    ['google', 'gemini-3-pro-preview', 'gemini-3-pro'],
    ['mistral', 'mistral-large-latest', 'mistral-large'],
    ['mistral', 'mistral-large-2512', 'mistral-large-2512'],
    ['mistral', 'codestral-2501', 'codestral'],
    ['groq', 'llama-3.3-70b-versatile', 'llama-3.3-70b-versatile'],
    ['deepseek', 'deepseek-reasoner', 'deepseek-reasoner'],
    ['xai', 'grok-4-0709', 'grok-4'],
    ['xai', 'grok-3-mini-beta', 'grok-3-mini'],
    ['xai', 'grok-2-vision-1212', 'grok-2-vision'],
  ] as const)('maps %s %s to the %s family', (kind, id, family) => {
    expect(lookupModel(kind, id)?.id).toBe(family);
  });

  it('returns prices and capabilities for a known model', () => {
    expect(lookupModel('openai', 'gpt-4o')).toMatchObject({
      contextWindow: 128_000,
      inputPerMTok: 2.5,
      outputPerMTok: 10,
      cachedInputPerMTok: 1.25,
      vision: true,
      reasoning: false,
    });
    expect(lookupModel('anthropic', 'claude-haiku-4-5-20251001')).toMatchObject({ inputPerMTok: 1, outputPerMTok: 5 });
  });

  it('does not guess a price for a model it does not know', () => {
    expect(lookupModel('openai', 'gpt-4o-audio-preview')).toBeUndefined();
    expect(lookupModel('anthropic', 'claude-opus-9')).toBeUndefined();
    // A model name does not carry its price across providers.
    expect(lookupModel('groq', 'gpt-4o')).toBeUndefined();
    expect(lookupModel('openai-compatible', 'gpt-4o')).toBeUndefined();
  });

  it('prices local models at zero', () => {
    expect(lookupModel('ollama', 'llama3.2:3b')).toMatchObject({ id: 'llama3.2:3b', inputPerMTok: 0, outputPerMTok: 0 });
    expect(lookupModel('openai-compatible', 'qwen2.5-coder', {}, { local: true })).toMatchObject({ inputPerMTok: 0, outputPerMTok: 0 });
    expect(lookupModel('google', 'gemini-2.5-pro', {}, { local: true })?.longContext).toBeUndefined();
  });

  it('lets user overrides win, by exact id or family id', () => {
    expect(lookupModel('openai', 'gpt-4.1-2025-04-14', { 'gpt-4.1': { inputPerMTok: 1, outputPerMTok: 4 } })).toMatchObject({
      id: 'gpt-4.1',
      inputPerMTok: 1,
      outputPerMTok: 4,
      contextWindow: 1_047_576,
    });
    expect(lookupModel('anthropic', 'claude-sonnet-4-5-20250929', { 'claude-sonnet-4-5-20250929': { contextWindow: 1_000_000 } })).toMatchObject({
      inputPerMTok: 3,
      contextWindow: 1_000_000,
    });
    expect(lookupModel('ollama', 'llama3.2', { 'llama3.2': { inputPerMTok: 0.01, outputPerMTok: 0.02 } })).toMatchObject({
      inputPerMTok: 0.01,
    });
  });

  it('prices an unknown model from a complete override only', () => {
    const overrides = { 'my-router/model-x': { inputPerMTok: 0.5, outputPerMTok: 1.5 }, 'half-known': { inputPerMTok: 1 } };
    expect(lookupModel('openai-compatible', 'my-router/model-x', overrides)).toMatchObject({ inputPerMTok: 0.5, outputPerMTok: 1.5 });
    expect(lookupModel('openai-compatible', 'half-known', overrides)).toBeUndefined();
  });
});

describe('catalog tables', () => {
  it('has sane, unique entries for every cloud provider', () => {
    for (const kind of PROVIDER_KINDS) {
      const models = catalogModels(kind);
      if (kind === 'ollama' || kind === 'openai-compatible' || kind === 'builtin') {
        expect(models).toEqual([]);
        continue;
      }
      expect(models.length).toBeGreaterThan(1);
      expect(new Set(models.map((m) => m.id)).size).toBe(models.length);
      for (const m of models) {
        expect(m.kind).toBe(kind);
        expect(m.inputPerMTok).toBeGreaterThan(0);
        expect(m.outputPerMTok).toBeGreaterThanOrEqual(m.inputPerMTok);
        expect(m.contextWindow).toBeGreaterThan(1000);
        if (m.cachedInputPerMTok !== undefined) expect(m.cachedInputPerMTok).toBeLessThan(m.inputPerMTok);
        // Every catalogued id must survive its own normalisation.
        expect(lookupModel(kind, m.id)?.id).toBe(m.id);
      }
    }
  });

  it('lists the candidates from most to least specific', () => {
    expect(familyCandidates('models/Gemini-2.5-Flash-Preview-05-20')).toEqual(['gemini-2.5-flash-preview-05-20', 'gemini-2.5-flash-preview', 'gemini-2.5-flash']);
  });
});
