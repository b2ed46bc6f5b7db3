import { describe, expect, test } from 'vitest';
import { candidatesFor, refusalFor, shouldFailOver, withChainSummary } from '../../electron/core/chat/failover';
import { percentile, providerHealth } from '../../electron/core/health/provider-health';
import { addToChain, MAX_FALLBACKS, moveInChain, removeFromChain } from '../../renderer/features/failover/chain-edit';
import type { ChatError, Connection, LedgerEntry } from '../../shared/types';

const err = (kind: ChatError['kind']): ChatError => ({ kind, message: kind });
const conn = (local: boolean): Connection => ({ id: local ? 'l' : 'r', kind: 'ollama', name: local ? 'Local' : 'Remote', local, extraModels: [], createdAt: 0 });
const ref = (m: string) => ({ connectionId: 'c', modelId: m });

describe('failover rules', () => {
  test('moves on only for "cannot answer now" failures, and only before the first token', () => {
    for (const kind of ['server', 'overloaded', 'rate-limited', 'network', 'first-byte-timeout'] as const) {
      expect(shouldFailOver(err(kind), false)).toBe(true);
      expect(shouldFailOver(err(kind), true)).toBe(false);
    }
    for (const kind of ['auth', 'quota', 'bad-request', 'context-too-long', 'content-filtered', 'aborted', 'stalled', 'locked-local', 'offline'] as const) {
      expect(shouldFailOver(err(kind), false)).toBe(false);
    }
  });

  test('a remote model is refused in a local-only conversation and offline; a local one never', () => {
    expect(refusalFor(conn(false), { localOnly: true, offline: false })?.kind).toBe('locked-local');
    expect(refusalFor(conn(false), { localOnly: false, offline: true })?.kind).toBe('offline');
    expect(refusalFor(conn(false), { localOnly: false, offline: false })).toBeUndefined();
    expect(refusalFor(conn(true), { localOnly: true, offline: true })).toBeUndefined();
  });

  test('candidates: the chosen model first, then the chain, each once', () => {
    expect(candidatesFor(ref('a'), [ref('b'), ref('a'), ref('c'), ref('b')]).map((r) => r.modelId)).toEqual(['a', 'b', 'c']);
  });

  test('the summary names the other models and the skipped ones, and leaves a lone failure as it was', () => {
    const last = err('server');
    expect(withChainSummary(last, [], [])).toBe(last);
    const summary = withChainSummary(last, [{ model: { ...ref('a'), connectionName: 'A' }, error: err('overloaded') }], ['Skipped R.']);
    expect(summary.detail).toBe('Also tried: A a: overloaded\nSkipped R.');
  });
});

describe('chain edits', () => {
  test('add refuses duplicates and stops at the maximum; move and remove keep order', () => {
    let chain = addToChain([], ref('a'));
    chain = addToChain(chain, ref('a'));
    expect(chain).toEqual([ref('a')]);
    for (const m of ['b', 'c', 'd', 'e', 'f', 'g']) chain = addToChain(chain, ref(m));
    expect(chain).toHaveLength(MAX_FALLBACKS);
    expect(moveInChain(chain, 1, -1).map((r) => r.modelId)).toEqual(['b', 'a', 'c', 'd', 'e']);
    expect(moveInChain(chain, 0, -1)).toEqual(chain);
    expect(removeFromChain(chain, 2).map((r) => r.modelId)).toEqual(['a', 'b', 'd', 'e']);
  });
});

describe('provider health', () => {
  const row = (over: Partial<LedgerEntry>): LedgerEntry => ({
    id: 0,
    at: 0,
    connectionId: 'c',
    host: 'h',
    model: 'm',
    method: 'POST',
    path: '/',
    bytesUp: 0,
    bytesDown: 0,
    durationMs: 0,
    status: 200,
    outcome: 'ok',
    ...over,
  });

  test('nearest-rank percentiles', () => {
    expect(percentile([5], 0.95)).toBe(5);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.5)).toBe(5);
    expect(percentile([10, 1, 9, 2, 8, 3, 7, 4, 6, 5], 0.95)).toBe(10);
  });

  test('success rate counts failures; user stops are not held against a provider; speed uses generation time', () => {
    const rows = [
      row({ turn: { ttftMs: 100, outputTokens: 50, generationMs: 1000 } }),
      row({ turn: { ttftMs: 300, outputTokens: 100, generationMs: 1000 } }),
      row({ status: 503, outcome: 'http-error', at: 5 }),
      row({ outcome: 'aborted' }),
      row({ model: 'other', connectionId: 'gone' }),
    ];
    const [m, other] = providerHealth(rows, (id) => (id === 'c' ? 'Conn' : undefined));
    expect(m).toMatchObject({ model: 'm', connectionName: 'Conn', requests: 3, ttftP50Ms: 100, ttftP95Ms: 300, tokensPerSecondP50: 50, lastFailure: { at: 5, status: 503 } });
    expect(m!.successRate).toBeCloseTo(2 / 3);
    expect(other).toMatchObject({ model: 'other', connectionName: 'Removed connection', requests: 1, successRate: 1 });
  });
});
