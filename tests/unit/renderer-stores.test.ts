// The renderer's zustand stores, driven as the UI drives them, with window.enclave answering the
// way the preload does (a CallResult per call).
import { afterEach, beforeEach, expect, test } from 'vitest';
import type { CallResult, EnclaveApi } from '../../shared/contract';
import { MAX_MODELS, useCompare } from '../../renderer/state/compare-store';
import { useConversations } from '../../renderer/state/conversations-store';
import { useLock } from '../../renderer/state/lock-store';
import { storeReset } from '../support/store-reset';

const reset = storeReset(useCompare, useLock, useConversations);
const calls: string[] = [];

/** A bridge whose every call fails with `result`, recording the call names. */
function bridgeAnswering(result: CallResult<unknown>) {
  const enclave = new Proxy({} as EnclaveApi, {
    get: (_t, name) => async () => {
      calls.push(String(name));
      return result;
    },
  });
  Object.assign(globalThis, { window: { enclave } });
}

beforeEach(() => {
  calls.length = 0;
  reset();
});
afterEach(() => Reflect.deleteProperty(globalThis, 'window'));

const ref = (modelId: string) => ({ connectionId: 'c1', modelId });

test('compare picks each model once and at most six', () => {
  const { addModel } = useCompare.getState();
  addModel(ref('a'));
  addModel(ref('a'));
  for (let i = 0; i < 10; i++) addModel(ref(`m${i}`));
  const models = useCompare.getState().models;
  expect(models).toHaveLength(MAX_MODELS);
  expect(models.filter((m) => m.modelId === 'a')).toHaveLength(1);
  useCompare.getState().removeModel(0);
  expect(useCompare.getState().models.map((m) => m.modelId)).toEqual(['m0', 'm1', 'm2', 'm3', 'm4']);
});

test('compare with fewer than two models sends nothing', async () => {
  bridgeAnswering({ ok: true, value: {} });
  useCompare.getState().addModel(ref('only-one'));
  expect(await useCompare.getState().send('Which is faster?')).toBe(false);
  expect(calls).toEqual([]);
});

test("a refused compare keeps the choice and shows the core's words", async () => {
  bridgeAnswering({ ok: false, error: { kind: 'failed', message: 'x', chatError: { kind: 'disk-full', message: 'Your disk is full — 3 MB free.' } } });
  useCompare.getState().setModels([ref('a'), ref('b')]);
  useConversations.setState({ activeId: 'conv-1' });
  expect(await useCompare.getState().send('Which is faster?')).toBe(false);
  expect(calls).toEqual(['sendCompare']);
  expect(useCompare.getState()).toMatchObject({ sending: false, error: 'Your disk is full — 3 MB free.' });
  expect(useCompare.getState().models).toHaveLength(2);
});

test('any call refused as locked locks the window at once', async () => {
  bridgeAnswering({ ok: false, error: { kind: 'locked', message: 'Enclave is locked.' } });
  expect(useLock.getState().state?.locked).not.toBe(true);
  useCompare.getState().setModels([ref('a'), ref('b')]);
  useConversations.setState({ activeId: 'conv-1' });
  await useCompare.getState().send('hello');
  expect(useLock.getState().state?.locked).toBe(true);
});

test('the reset helper gives the next test the initial state', () => {
  useCompare.getState().addModel(ref('left-over'));
  reset();
  expect(useCompare.getState().models).toEqual([]);
});
