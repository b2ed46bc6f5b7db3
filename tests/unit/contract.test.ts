import { describe, expect, test } from 'vitest';
import { CALL_NAMES as PRELOAD_NAMES } from '../../shared/call-names';
import { CALL_NAMES, contract } from '../../shared/contract';
import { dispatch } from '../../electron/core/ipc/dispatch';
import type { Handlers } from '../../electron/core/ipc/handlers';
import { UserFacingError } from '../../electron/core/errors/user-facing-error';

describe('IPC contract', () => {
  test('the preload exposes exactly the contract calls', () => {
    expect([...PRELOAD_NAMES].sort()).toEqual([...CALL_NAMES].sort());
  });

  const handlers = new Proxy({} as Handlers, {
    get: (_t, name) => async (req: unknown) => {
      if (name === 'removeConnection') throw new UserFacingError({ kind: 'not-allowed', message: 'nope' });
      if (name === 'testConnection') throw new Error('a bug');
      return { echoed: req };
    },
  });

  test('an unknown call gets a typed error', async () => {
    expect(await dispatch(handlers, 'deleteEverything', {})).toMatchObject({ ok: false, error: { kind: 'unknown-call' } });
    expect(await dispatch(handlers, '__proto__', {})).toMatchObject({ ok: false, error: { kind: 'unknown-call' } });
  });

  test('an invalid request never reaches the handler and names the bad field', async () => {
    const result = await dispatch(handlers, 'addConnection', { kind: 'openai', name: 'x', baseUrl: 'javascript:alert(1)' });
    expect(result).toMatchObject({ ok: false, error: { kind: 'invalid-request' } });
    expect(!result.ok && result.error.message).toContain('baseUrl');
    const extra = await dispatch(handlers, 'stopStream', { streamId: 'a', sneaky: true });
    expect(extra).toMatchObject({ ok: false, error: { kind: 'invalid-request' } });
    expect(await dispatch(handlers, 'getConversation', null)).toMatchObject({ ok: false, error: { kind: 'invalid-request' } });
    expect(await dispatch(handlers, 'sendMessage', 'a string')).toMatchObject({ ok: false, error: { kind: 'invalid-request' } });
  });

  test('a valid request runs and user-facing failures come back as values', async () => {
    expect(await dispatch(handlers, 'stopStream', { streamId: 'abc' })).toEqual({ ok: true, value: { echoed: { streamId: 'abc' } } });
    expect(await dispatch(handlers, 'removeConnection', { id: 'x' })).toMatchObject({ ok: false, error: { kind: 'failed', chatError: { kind: 'not-allowed' } } });
  });

  test('a bug becomes a generic failure and is logged, not thrown', async () => {
    const logs: string[] = [];
    const result = await dispatch(handlers, 'testConnection', { id: 'x' }, (m) => logs.push(m));
    expect(result).toMatchObject({ ok: false, error: { kind: 'failed' } });
    expect(logs.join()).toContain('a bug');
  });

  test('every call has a strict schema', () => {
    for (const name of CALL_NAMES) {
      const r = contract[name].request.safeParse({ definitelyNotAField: 1 });
      expect(r.success, name).toBe(false);
    }
  });
});
