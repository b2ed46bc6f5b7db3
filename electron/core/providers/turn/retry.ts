// Our retry policy, used only before the first token: a reply the user already sees is never
// silently restarted. The SDK's own retries are off (maxRetries: 0) so this is the only one.
import type { ChatError, ChatErrorKind } from '../../../../shared/types';

export interface RetryPolicy {
  maxRetries: number;
  /** A provider's retry-after is honoured up to this; beyond it we give up and report retryAt. */
  maxHonouredWaitMs: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxRetries: 2, maxHonouredWaitMs: 20_000, baseDelayMs: 500, maxDelayMs: 4_000 };

export interface RetryClock {
  now(): number;
  /** Resolves after ms, or early when the signal aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  random(): number;
}

const RETRYABLE: ReadonlySet<ChatErrorKind> = new Set(['rate-limited', 'overloaded', 'server', 'network']);

export function isRetryable(error: ChatError): boolean {
  return RETRYABLE.has(error.kind);
}

/**
 * How long to wait before attempt `retriesSoFar + 1`, or null to give up.
 * `tokensSeen` is true once any text or reasoning reached the user: then never.
 */
export function retryDelay(
  error: ChatError,
  retriesSoFar: number,
  tokensSeen: boolean,
  clock: Pick<RetryClock, 'now' | 'random'>,
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
): number | null {
  if (tokensSeen || !isRetryable(error) || retriesSoFar >= policy.maxRetries) return null;
  if (error.retryAt !== undefined) {
    const wait = Math.max(0, error.retryAt - clock.now());
    return wait <= policy.maxHonouredWaitMs ? wait : null;
  }
  const backoff = Math.min(policy.baseDelayMs * 2 ** retriesSoFar, policy.maxDelayMs);
  // Up to 25% jitter downwards, as the Stainless SDKs do, so parallel panes do not retry in step.
  return Math.round(backoff * (1 - clock.random() * 0.25));
}

export const realClock: RetryClock = {
  now: () => Date.now(),
  random: () => Math.random(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve) => {
      if (signal?.aborted) return resolve();
      const done = () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      signal?.addEventListener('abort', done, { once: true });
    }),
};
