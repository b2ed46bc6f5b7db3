import { describe, expect, it } from 'vitest';
import { estimateTokens, formatDuration, formatRate, formatTokens, measure, summarize, type PaneMetrics } from '../../shared/compare-metrics';

describe('measure', () => {
  it('estimates output tokens as chars / 4 until the provider reports usage', () => {
    const m = measure({ startedAt: 0, firstTokenAt: 200, now: 1200, chars: 400 });
    expect(m).toMatchObject({ running: true, firstTokenMs: 200, totalMs: 1200, outputTokens: 100, outputEstimated: true });
    // 100 tokens over the 1 s since the first token
    expect(m.tokensPerSecond).toBeCloseTo(100, 6);
  });

  it('uses the provider token count, and the time from first token to end, once finished', () => {
    const m = measure({
      startedAt: 1000,
      firstTokenAt: 1500,
      endedAt: 3500,
      now: 9999,
      chars: 10_000,
      usage: { inputTokens: 12, outputTokens: 40 },
      costUsd: 0.0021,
    });
    expect(m).toMatchObject({ running: false, firstTokenMs: 500, totalMs: 2500, outputTokens: 40, outputEstimated: false, inputTokens: 12, costUsd: 0.0021 });
    expect(m.tokensPerSecond).toBeCloseTo(20, 6);
  });

  it('shows no rate before the first token or when all tokens arrived at once', () => {
    expect(measure({ startedAt: 0, now: 5000, chars: 0 }).tokensPerSecond).toBeUndefined();
    expect(measure({ startedAt: 0, firstTokenAt: 100, endedAt: 105, now: 105, chars: 80 }).tokensPerSecond).toBeUndefined();
  });

  it('rounds the estimate up so one character is one token', () => {
    expect(estimateTokens(1)).toBe(1);
    expect(estimateTokens(8)).toBe(2);
    expect(estimateTokens(0)).toBe(0);
  });
});

describe('summarize', () => {
  const done = (over: Partial<PaneMetrics>): PaneMetrics => ({ running: false, totalMs: 1000, outputTokens: 10, outputEstimated: false, ...over });

  it('names the fastest first token, fastest rate, cheapest and longest answers', () => {
    const summary = summarize([
      { id: 'a', failed: false, metrics: done({ firstTokenMs: 300, tokensPerSecond: 20, costUsd: 0.01, outputTokens: 90 }) },
      { id: 'b', failed: false, metrics: done({ firstTokenMs: 120, tokensPerSecond: 80, costUsd: 0.002, outputTokens: 40 }) },
      { id: 'c', failed: false, metrics: done({ firstTokenMs: 500, tokensPerSecond: 35, costUsd: 0.03, outputTokens: 300 }) },
    ]);
    expect(summary).toEqual({
      fastestFirstToken: { id: 'b', value: 120, ties: 1 },
      fastestRate: { id: 'b', value: 80, ties: 1 },
      cheapest: { id: 'b', value: 0.002, ties: 1 },
      longest: { id: 'c', value: 300, ties: 1 },
    });
  });

  it('says when several answers tie, as local answers do on cost', () => {
    const summary = summarize([
      { id: 'a', failed: false, metrics: done({ costUsd: 0 }) },
      { id: 'b', failed: false, metrics: done({ costUsd: 0 }) },
    ]);
    expect(summary.cheapest).toEqual({ id: 'a', value: 0, ties: 2 });
  });

  it('keeps failed or still-running answers out of rate, cost and length', () => {
    const summary = summarize([
      { id: 'ok', failed: false, metrics: done({ firstTokenMs: 400, tokensPerSecond: 10, outputTokens: 20 }) },
      { id: 'broken', failed: true, metrics: done({ firstTokenMs: 50, tokensPerSecond: 999, costUsd: 0, outputTokens: 999 }) },
      { id: 'slow', failed: false, metrics: { ...done({ tokensPerSecond: 500, outputTokens: 5000 }), running: true } },
    ]);
    expect(summary.fastestFirstToken?.id).toBe('broken');
    expect(summary.fastestRate?.id).toBe('ok');
    expect(summary.longest?.id).toBe('ok');
    expect(summary.cheapest).toBeUndefined();
  });
});

describe('formatting', () => {
  it('prints durations, rates and token counts the way the panes show them', () => {
    expect(formatDuration(340.4)).toBe('340 ms');
    expect(formatDuration(2430)).toBe('2.4 s');
    expect(formatDuration(65_000)).toBe('1 m 05 s');
    expect(formatRate(21.44)).toBe('21.4 tok/s');
    expect(formatRate(312.6)).toBe('313 tok/s');
    expect(formatTokens(1204)).toBe('1,204');
    expect(formatTokens(1204, true)).toBe('~1,204');
  });
});
