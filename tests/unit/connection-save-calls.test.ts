// Saving a connection with a key, from the renderer's side: the form adds it and tests it. That
// costs the same few contract calls however many connections exist (it was 4 + 2N: the whole
// list and every connection's models, read twice).
import { beforeEach, expect, test } from 'vitest';
import type { ConnectionView } from '../../shared/types';

const made: string[] = [];
const answers: Record<string, (request: Record<string, unknown>) => unknown> = {};
(globalThis as { window?: unknown }).window = {
  enclave: new Proxy(
    {},
    {
      get: (_t, name: string) => async (request: Record<string, unknown>) => {
        made.push(name);
        const answer = answers[name];
        if (!answer) return { ok: false, error: { kind: 'failed', message: `unexpected call ${name}` } };
        return { ok: true, value: answer(request) };
      },
    },
  ),
};

const { useConnections } = await import('../../renderer/state/connections-store');

const view = (id: string, extra: Partial<ConnectionView> = {}): ConnectionView =>
  ({ id, kind: 'openai', name: id, local: false, extraModels: [], createdAt: 1, ...extra }) as ConnectionView;
const existing = Array.from({ length: 5 }, (_, i) => view(`c${i}`));

beforeEach(() => {
  made.length = 0;
  useConnections.setState({ connections: existing, models: {}, tests: {} });
  answers.addConnection = () => view('new', { keyHint: { connectionId: 'new', last4: 'abcd' } });
  answers.listModels = () => ({ models: [{ id: 'gpt-4o' }], fetchedAt: 1, fromCache: true });
});

test('save and test a connection with a key: three calls, with five connections already there', async () => {
  answers.testConnection = () => ({ ok: true, latencyMs: 12, modelCount: 1, connection: view('new', { keyHint: { connectionId: 'new', last4: 'abcd', verifiedAt: 5 } }) });
  const store = useConnections.getState();
  const conn = await store.add({ kind: 'openai', name: 'new', apiKey: 'sk-test-abcd' });
  await store.test(conn.id);
  expect(made).toEqual(['addConnection', 'testConnection', 'listModels']);
  const shown = useConnections.getState().connections;
  expect(shown.map((c) => c.id)).toEqual(['c0', 'c1', 'c2', 'c3', 'c4', 'new']);
  // The list shows the key as verified, from the test's own answer.
  expect(shown.at(-1)?.keyHint).toEqual({ connectionId: 'new', last4: 'abcd', verifiedAt: 5 });
  expect(useConnections.getState().models.new?.models).toEqual([{ id: 'gpt-4o' }]);
});

test('a connection whose test fails: two calls, and the error is kept for the form', async () => {
  answers.testConnection = () => ({ ok: false, latencyMs: 3, error: { kind: 'auth', message: 'The key is invalid.' }, connection: view('new') });
  const store = useConnections.getState();
  const conn = await store.add({ kind: 'openai', name: 'new', apiKey: 'sk-wrong-0000' });
  const result = await store.test(conn.id);
  expect(made).toEqual(['addConnection', 'testConnection']);
  expect(result).toMatchObject({ ok: false, error: { message: 'The key is invalid.' } });
});
