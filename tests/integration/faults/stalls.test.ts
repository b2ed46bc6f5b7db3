// Stalls: a provider that never starts, or stops mid-reply, is given up on after the connection's
// own limits (or the local/remote defaults), and the text that did arrive is kept.
import { afterAll, afterEach, beforeAll, beforeEach, expect, test } from 'vitest';
import { startFake, type FakeServer } from '../../fakes/index';
import { startCore, type CoreFixture } from '../../support/core-fixture';
import { dispatch } from '../../../electron/core/ipc/dispatch';
import { STALL_DEFAULTS, stallTimeoutsFor } from '../../../shared/stall-timeouts';

let slowStart: FakeServer;
let stallsMidway: FakeServer;
let f: CoreFixture;

beforeAll(async () => {
  slowStart = await startFake('ollama', { tokens: ['late'], firstByteDelayMs: 10_000, models: ['llama3.2:3b'] });
  stallsMidway = await startFake('ollama', { tokens: ['The ', 'first ', 'words ', 'then ', 'nothing'], stallAfter: 3, models: ['llama3.2:3b'] });
});
afterAll(async () => {
  await slowStart.close();
  await stallsMidway.close();
});
beforeEach(async () => {
  f = await startCore();
});
afterEach(() => f.close());

async function send(origin: string, limits: { firstByteTimeoutMs?: number; stallTimeoutMs?: number }) {
  const conn = await f.call('addConnection', { kind: 'ollama', name: 'Ollama', baseUrl: origin });
  const updated = await f.call('updateConnection', { id: conn.id, ...limits });
  const conversation = await f.call('createConversation', {});
  const started = Date.now();
  const sent = await f.call('sendMessage', { conversationId: conversation.id, parentId: null, content: 'hi', model: { connectionId: conn.id, modelId: 'llama3.2:3b' } });
  const end = await f.streamEnd(sent.streamId);
  return { updated, end, waitedMs: Date.now() - started, conversationId: conversation.id, replyId: sent.assistantMessageId };
}

test("a server that never starts answering is given up on after the connection's own first-byte limit", async () => {
  const { updated, end, waitedMs } = await send(slowStart.origin, { firstByteTimeoutMs: 1500 });
  expect(updated.firstByteTimeoutMs).toBe(1500);
  expect(end).toMatchObject({ kind: 'error', error: { kind: 'first-byte-timeout' }, partial: false });
  expect(waitedMs).toBeGreaterThanOrEqual(1400);
  expect(waitedMs).toBeLessThan(6000);
});

test("a reply that stops mid-stream ends after the connection's stall limit and keeps the words that arrived", async () => {
  const { end, waitedMs, conversationId, replyId } = await send(stallsMidway.origin, { stallTimeoutMs: 1000 });
  expect(end).toMatchObject({ kind: 'error', error: { kind: 'stalled' }, partial: true });
  expect(waitedMs).toBeLessThan(6000);
  const reply = (await f.call('getConversation', { id: conversationId })).messages.find((m) => m.id === replyId)!;
  expect(reply.content).toBe('The first words ');
  expect(reply.status).toBe('interrupted');
});

test('limits go back to the defaults with null, and out-of-range values are refused', async () => {
  const conn = await f.call('addConnection', { kind: 'ollama', name: 'Ollama', baseUrl: slowStart.origin });
  await f.call('updateConnection', { id: conn.id, stallTimeoutMs: 5000 });
  const cleared = await f.call('updateConnection', { id: conn.id, stallTimeoutMs: null });
  expect(cleared.stallTimeoutMs).toBeUndefined();
  const tooShort = await dispatch(f.core.handlers, 'updateConnection', { id: conn.id, firstByteTimeoutMs: 10 }, () => {});
  expect(tooShort.ok).toBe(false);
  // A local model may be loading from disk; a remote API that pauses this long is stuck.
  expect(stallTimeoutsFor({ local: true }).firstByteTimeoutMs).toBeGreaterThan(stallTimeoutsFor({ local: false }).firstByteTimeoutMs);
  expect(STALL_DEFAULTS.remote.stallTimeoutMs).toBeLessThan(60_000);
});
