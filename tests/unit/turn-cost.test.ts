import { describe, expect, it } from 'vitest';
import { lookupModel } from '../../shared/catalog';
import { costOf } from '../../shared/cost';
import { costOfTurn } from '../../shared/turn-cost';

const MTOK = { inputTokens: 1_000_000, outputTokens: 1_000_000 };
const remote = { local: false };

describe('costOfTurn', () => {
  it('prices a model the hand catalog does not list from the maintained dataset', () => {
    expect(lookupModel('openai', 'gpt-5-pro')).toBeUndefined();
    // $15 in + $120 out per million (OpenAI's published price for gpt-5-pro)
    expect(costOfTurn('openai', 'gpt-5-pro', MTOK, remote)).toBeCloseTo(135, 6);
  });

  it('reads dated snapshot ids and Gemini "models/" names', () => {
    expect(costOfTurn('anthropic', 'claude-sonnet-4-5-20250929', { inputTokens: 1_000, outputTokens: 1_000 }, remote)).toBeCloseTo((1_000 * 3 + 1_000 * 15) / 1e6, 9);
    expect(costOfTurn('google', 'models/gemini-2.5-flash', MTOK, remote)).toBeGreaterThan(0);
  });

  it('prices cached input at the cache rate', () => {
    // gpt-5: $1.25/M input, $0.125/M cached
    expect(costOfTurn('openai', 'gpt-5', { inputTokens: 1_000_000, cachedInputTokens: 1_000_000, outputTokens: 0 }, remote)).toBeCloseTo(0.125, 9);
  });

  it('falls back to the hand catalog for what the dataset lacks', () => {
    const codestral = lookupModel('mistral', 'codestral')!;
    expect(codestral).toBeDefined();
    expect(costOfTurn('mistral', 'codestral', MTOK, remote)).toBeCloseTo(costOf(MTOK, codestral)!, 9);
  });

  it('is undefined ("price unknown"), never $0, for a model nobody prices', () => {
    expect(costOfTurn('openai', 'ft:gpt-nobody-knows:acme', MTOK, remote)).toBeUndefined();
    expect(costOfTurn('openai-compatible', 'gpt-4o', MTOK, { local: false, baseUrl: 'https://llm.internal.example/v1' })).toBeUndefined();
  });

  it('prices an OpenAI-compatible host the dataset knows by its URL', () => {
    expect(costOfTurn('openai-compatible', 'meta-llama/Llama-3.3-70B-Instruct-Turbo', MTOK, { local: false, baseUrl: 'https://api.together.xyz/v1' })).toBeGreaterThan(0);
  });

  it('costs nothing on this machine', () => {
    expect(costOfTurn('openai-compatible', 'gpt-oss-20b', MTOK, { local: true, baseUrl: 'http://127.0.0.1:8080/v1' })).toBe(0);
    expect(costOfTurn('ollama', 'llama3.2', MTOK, { local: false })).toBe(0);
  });

  it('has nothing to price without token counts', () => {
    expect(costOfTurn('openai', 'gpt-5', {}, remote)).toBeUndefined();
  });
});
