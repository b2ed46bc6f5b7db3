// The conversation list and the lock state are asked for together as the renderer starts, before
// the app's mount; the mount then uses the list instead of asking again, unless it was refused.
import { beforeEach, describe, expect, test } from 'vitest';
import type { Conversation } from '../../shared/types';

type Answer = { ok: true; value: unknown } | { ok: false; error: { kind: string; message: string } };
let answer: () => Answer;
let lockState = { enabled: false, idleMinutes: 15, locked: false };
const asked: string[] = [];
const reply = (name: string): Answer => (name === 'getLockState' ? { ok: true, value: lockState } : answer());
(globalThis as { window?: unknown }).window = {
  enclave: new Proxy({}, { get: (_t, name: string) => async () => (asked.push(name), reply(name)) }),
};

const { useConversations } = await import('../../renderer/state/conversations-store');
const { loadListEarly, loadListOnMount, lockStateOnMount } = await import('../../renderer/state/first-list');
const { useLock } = await import('../../renderer/state/lock-store');

const chat: Conversation = { id: 'c1', title: 'Trip to Porto', createdAt: 1, updatedAt: 1, pinned: false, localOnly: false, currentLeafId: null };

beforeEach(() => {
  asked.length = 0;
  lockState = { enabled: false, idleMinutes: 15, locked: false };
  useConversations.setState({ list: [], listLoaded: false, listError: undefined });
  useLock.setState({ state: undefined });
});

describe('the first conversation list', () => {
  test('is in the store before the app mounts, beside the lock state, and the mount does not ask again', async () => {
    answer = () => ({ ok: true, value: [chat] });
    loadListEarly();
    await loadListOnMount();
    expect(asked).toEqual(['listConversations', 'getLockState']);
    expect(useConversations.getState().list.map((c) => c.title)).toEqual(['Trip to Porto']);
    expect(useLock.getState().state).toEqual({ enabled: false, idleMinutes: 15, locked: false });
  });

  test('refused because the app was locked, it is asked for again when the unlocked app mounts', async () => {
    answer = () => ({ ok: false, error: { kind: 'locked', message: 'Enclave is locked.' } });
    lockState = { enabled: true, idleMinutes: 15, locked: true };
    loadListEarly();
    await Promise.resolve();
    await new Promise((r) => setTimeout(r, 0));
    expect(useLock.getState().state?.locked).toBe(true);
    answer = () => ({ ok: true, value: [chat] });
    await loadListOnMount();
    expect(asked).toEqual(['listConversations', 'getLockState', 'listConversations']);
    expect(useConversations.getState()).toMatchObject({ listLoaded: true, listError: undefined });
    expect(useConversations.getState().list).toHaveLength(1);
  });

  test('the lock gate uses the early lock state instead of asking again, and asks when that failed', async () => {
    answer = () => ({ ok: true, value: [chat] });
    let polls = 0;
    const poll = async () => void (polls += 1);
    loadListEarly();
    await lockStateOnMount(poll);
    expect(polls).toBe(0);
    expect(asked.filter((n) => n === 'getLockState')).toHaveLength(1);

    const failing = (globalThis as unknown as { window: { enclave: unknown } }).window;
    const working = failing.enclave;
    failing.enclave = new Proxy({}, { get: () => async () => Promise.reject(new Error('gone')) });
    loadListEarly();
    failing.enclave = working;
    await lockStateOnMount(poll);
    expect(polls).toBe(1);
  });

  test('a later mount (after unlocking) always asks for a fresh list', async () => {
    answer = () => ({ ok: true, value: [chat] });
    await loadListOnMount();
    expect(asked).toEqual(['listConversations']);
  });
});
