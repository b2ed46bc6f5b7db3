import { describe, expect, it } from 'vitest';
import { lookupModel } from '../../shared/catalog';
import { costOf, formatUsd } from '../../shared/cost';

const gpt4o = lookupModel('openai', 'gpt-4o')!;

describe('costOf', () => {
  it('prices input and output per million tokens', () => {
    // 1,000 in at $2.50/M + 500 out at $10/M = 0.0025 + 0.005
    expect(costOf({ inputTokens: 1_000, outputTokens: 500 }, gpt4o)).toBeCloseTo(0.0075, 10);
  });

  it('prices cached input at the cache rate, as part of the prompt', () => {
    // 10,000 prompt tokens of which 8,000 cached: 2,000 x 2.50 + 8,000 x 1.25 = 0.005 + 0.01
    expect(costOf({ inputTokens: 10_000, cachedInputTokens: 8_000, outputTokens: 0 }, gpt4o)).toBeCloseTo(0.015, 10);
  });

  it('falls back to the input rate when the cache rate is unknown', () => {
    const price = { inputPerMTok: 2, outputPerMTok: 6 };
    expect(costOf({ inputTokens: 1_000_000, cachedInputTokens: 400_000, outputTokens: 0 }, price)).toBeCloseTo(2, 10);
  });

  it('does not bill reasoning twice: outputTokens already includes it', () => {
    // o4-mini: 200 in x 1.10 + 1,200 out (1,000 of them reasoning) x 4.40
    const o4mini = lookupModel('openai', 'o4-mini')!;
    const cost = costOf({ inputTokens: 200, outputTokens: 1_200, reasoningTokens: 1_000 }, o4mini);
    expect(cost).toBeCloseTo((200 * 1.1 + 1_200 * 4.4) / 1e6, 12);
  });

  it('bills Gemini thoughts as output once the adapter folds them in', () => {
    // Recording from the wire sheet: candidates 19 + thoughts 17 = 36 output tokens.
    const flash = lookupModel('google', 'gemini-2.5-flash')!;
    const cost = costOf({ inputTokens: 10, outputTokens: 19 + 17, reasoningTokens: 17 }, flash);
    expect(cost).toBeCloseTo((10 * 0.3 + 36 * 2.5) / 1e6, 12);
  });

  it('switches to the long-context rate above the threshold', () => {
    const pro = lookupModel('google', 'gemini-2.5-pro')!;
    expect(costOf({ inputTokens: 200_000, outputTokens: 1_000 }, pro)).toBeCloseTo(0.25 + 0.01, 10);
    expect(costOf({ inputTokens: 300_000, outputTokens: 1_000 }, pro)).toBeCloseTo(0.75 + 0.015, 10);
  });

  it('prices a Claude turn with cache reads', () => {
    const sonnet = lookupModel('anthropic', 'claude-sonnet-4-5-20250929')!;
    // 50,000 prompt (45,000 cache reads at $0.30) + 2,000 out at $15
    const cost = costOf({ inputTokens: 50_000, cachedInputTokens: 45_000, outputTokens: 2_000 }, sonnet);
    expect(cost).toBeCloseTo(0.015 + 0.0135 + 0.03, 10);
  });

  it('costs nothing on a local model and is unknown without counts', () => {
    expect(costOf({ inputTokens: 5_000, outputTokens: 5_000 }, lookupModel('ollama', 'llama3.2')!)).toBe(0);
    expect(costOf({}, gpt4o)).toBeUndefined();
  });

  it('never lets cached tokens exceed the prompt', () => {
    expect(costOf({ inputTokens: 100, cachedInputTokens: 500, outputTokens: 0 }, gpt4o)).toBeCloseTo((100 * 1.25) / 1e6, 12);
  });
});

describe('formatUsd', () => {
  it.each([
    [0, '$0.00'],
    [0.00004, '<$0.0001'],
    [0.0001, '$0.0001'],
    [0.0042, '$0.0042'],
    [0.004249, '$0.0042'],
    [0.0153, '$0.015'],
    [0.12, '$0.12'],
    [0.5, '$0.50'],
    [0.996, '$1.00'],
    [1.234, '$1.23'],
    [1234.5, '$1,234.50'],
    [-0.5, '-$0.50'],
    [Number.NaN, ''],
  ])('formats %s as %s', (n, text) => {
    expect(formatUsd(n)).toBe(text);
  });
});
