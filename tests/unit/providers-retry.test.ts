// The pre-first-token retry policy, with an injected clock.
import { describe, expect, it } from 'vitest';
import { retryDelay } from '../../electron/core/providers/turn/retry';
import type { ChatError, ChatErrorKind } from '../../shared/types';

const NOW = 1_000_000;
const clock = { now: () => NOW, random: () => 0 };
const err = (kind: ChatErrorKind, extra: Partial<ChatError> = {}): ChatError => ({ kind, message: kind, ...extra });

describe('retryDelay', () => {
  it('retries transient failures at most twice with growing backoff', () => {
    expect(retryDelay(err('server'), 0, false, clock)).toBe(500);
    expect(retryDelay(err('network'), 1, false, clock)).toBe(1000);
    expect(retryDelay(err('overloaded'), 2, false, clock)).toBeNull();
  });
  it('caps backoff at 4 s and jitters downwards by at most 25%', () => {
    const policy = { maxRetries: 10, maxHonouredWaitMs: 20_000, baseDelayMs: 500, maxDelayMs: 4000 };
    expect(retryDelay(err('server'), 6, false, clock, policy)).toBe(4000);
    expect(retryDelay(err('server'), 6, false, { now: () => NOW, random: () => 0.999 }, policy)).toBeGreaterThanOrEqual(3000);
  });
  it('honours retryAt up to 20 s and gives up beyond it', () => {
    expect(retryDelay(err('rate-limited', { retryAt: NOW + 3890 }), 0, false, clock)).toBe(3890);
    expect(retryDelay(err('rate-limited', { retryAt: NOW + 53_000 }), 0, false, clock)).toBeNull();
  });
  it('never retries once a token reached the user', () => {
    expect(retryDelay(err('server'), 0, true, clock)).toBeNull();
  });
  it('never retries aborts, auth, quota, not-found, context or filter errors', () => {
    for (const kind of ['aborted', 'auth', 'quota', 'model-not-found', 'context-too-long', 'content-filtered', 'no-key', 'bad-request', 'stalled', 'first-byte-timeout'] as const) {
      expect(retryDelay(err(kind), 0, false, clock), kind).toBeNull();
    }
  });
});
