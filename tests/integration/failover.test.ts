// Failover along a conversation's fallback chain, on the real core: a model that fails before its
// first token hands the turn to the next one, the reply says who answered and why, the ledger
// keeps every attempt, and no chain ever carries a local-only or offline turn to a remote host.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { parseRoutes, routeHosts } from '../../harness/route-hosts';
import { startFake, type FakeServer } from '../fakes/index';
import { startCore, type CoreFixture } from '../support/core-fixture';

const REMOTE_HOST = 'remote-llm.example';
let remote: FakeServer;
let local: FakeServer;
let brokenLocal: FakeServer;
let t: CoreFixture;
let remoteId: string;
let localId: string;
let brokenLocalId: string;

beforeAll(async () => {
  remote = await startFake('openai-chat', { tokens: ['remote', ' answer'], models: ['gpt-remote'] });
  local = await startFake('ollama', { tokens: ['local', ' answer'], models: ['llama3.2:3b'], usage: { input: 12, output: 40 } });
  brokenLocal = await startFake('ollama', { status: 500, models: ['broken:1b'] });
});
afterAll(async () => {
  await Promise.all([remote.close(), local.close(), brokenLocal.close()]);
});

beforeEach(async () => {
  for (const f of [remote, local, brokenLocal]) f.requests.length = 0;
  remote.setBehaviour({ tokens: ['remote', ' answer'], models: ['gpt-remote'] });
  t = await startCore({ transport: routeHosts(parseRoutes([`${REMOTE_HOST}=${remote.origin}`])) });
  remoteId = (await t.value('addConnection', { kind: 'openai-compatible', name: 'Remote LLM', baseUrl: `https://${REMOTE_HOST}/v1` })).id;
  localId = (await t.value('addConnection', { kind: 'ollama', name: 'Ollama', baseUrl: local.origin })).id;
  brokenLocalId = (await t.value('addConnection', { kind: 'ollama', name: 'Broken Ollama', baseUrl: brokenLocal.origin })).id;
});
afterEach(() => t.dispose());

const remoteModel = () => ({ connectionId: remoteId, modelId: 'gpt-remote' });
const localModel = () => ({ connectionId: localId, modelId: 'llama3.2:3b' });
const brokenModel = () => ({ connectionId: brokenLocalId, modelId: 'broken:1b' });
const chatRequests = (f: FakeServer) => f.requests.filter((r) => r.method === 'POST');

async function sendWithChain(opts: { localOnly?: boolean; first: ReturnType<typeof localModel>; chain: ReturnType<typeof localModel>[] }) {
  const conversation = await t.value('createConversation', { localOnly: opts.localOnly ?? false });
  await t.value('setFallbackChain', { conversationId: conversation.id, chain: opts.chain });
  const sent = await t.value('sendMessage', { conversationId: conversation.id, parentId: null, content: 'hello chain', model: opts.first });
  const end = await t.streamEnd(sent.streamId);
  const { messages } = await t.value('getConversation', { id: conversation.id });
  return { sent, end, reply: messages.find((m) => m.id === sent.assistantMessageId)!, conversation };
}

describe('fallback chain', () => {
  test('an overloaded provider hands the turn to the next model, and the reply says who answered and why', async () => {
    remote.setBehaviour({ status: 503 });
    const { sent, end, reply } = await sendWithChain({ first: remoteModel(), chain: [localModel()] });

    expect(end).toMatchObject({ kind: 'finish', reason: 'stop' });
    expect(reply.content).toBe('local answer');
    expect(reply.status).toBe('complete');
    expect(reply.model).toMatchObject({ connectionId: localId, modelId: 'llama3.2:3b', connectionName: 'Ollama' });
    expect(reply.model?.failedFirst).toEqual([{ model: { ...remoteModel(), connectionName: 'Remote LLM' }, error: { kind: 'overloaded', message: expect.any(String) } }]);
    const moved = t.events.find((e) => e.kind === 'failover' && e.streamId === sent.streamId);
    expect(moved).toMatchObject({ failed: { model: { modelId: 'gpt-remote' } }, next: { connectionId: localId } });

    // The ledger shows every attempt: the remote tries (one request and its retries) and the local answer.
    const ledger = (await t.value('listLedger', {})).filter((e) => e.model !== null).reverse();
    expect(ledger.filter((e) => e.host === REMOTE_HOST).map((e) => e.status)).toEqual([503, 503, 503]);
    expect(ledger.at(-1)).toMatchObject({ connectionId: localId, outcome: 'ok', turn: { outputTokens: 40 } });
    expect(ledger.at(-1)!.turn!.ttftMs).toBeGreaterThanOrEqual(0);
  });

  test('a dead server (connection refused) moves on too', async () => {
    const dead = await t.value('addConnection', { kind: 'ollama', name: 'Stopped Ollama', baseUrl: 'http://127.0.0.1:9' });
    const { end, reply } = await sendWithChain({ first: { connectionId: dead.id, modelId: 'llama3.2:3b' }, chain: [localModel()] });
    expect(end.kind).toBe('finish');
    expect(reply.content).toBe('local answer');
    expect(reply.model?.failedFirst?.[0]?.error.kind).toBe('network');
  });

  test('a local-only conversation never falls back to a remote model', async () => {
    const { end, reply } = await sendWithChain({ localOnly: true, first: brokenModel(), chain: [remoteModel(), localModel()] });
    expect(chatRequests(remote)).toHaveLength(0);
    // The remote model is skipped and the next local one answers.
    expect(end.kind).toBe('finish');
    expect(reply.model?.connectionId).toBe(localId);

    const onlyRemoteLeft = await sendWithChain({ localOnly: true, first: brokenModel(), chain: [remoteModel()] });
    expect(onlyRemoteLeft.end).toMatchObject({ kind: 'error', error: { kind: 'server' } });
    expect(onlyRemoteLeft.reply.error?.detail).toMatch(/Skipped Remote LLM: this conversation is locked to local models/);
    expect(chatRequests(remote)).toHaveLength(0);
    expect(await t.value('listLedger', { host: REMOTE_HOST })).toEqual([]);
  });

  test('offline mode never falls back to a remote model', async () => {
    await t.value('setOffline', { offline: true });
    const { end, reply } = await sendWithChain({ first: brokenModel(), chain: [remoteModel()] });
    expect(end).toMatchObject({ kind: 'error', error: { kind: 'server' } });
    expect(reply.error?.detail).toMatch(/Skipped Remote LLM: Enclave is offline/);
    expect(chatRequests(remote)).toHaveLength(0);
  });

  test('a wrong key or a reply cut after its first token does not move the turn', async () => {
    remote.setBehaviour({ status: 401 });
    const auth = await sendWithChain({ first: remoteModel(), chain: [localModel()] });
    expect(auth.end).toMatchObject({ kind: 'error', error: { kind: 'auth' } });
    expect(chatRequests(local)).toHaveLength(0);

    remote.setBehaviour({ tokens: ['partial', ' text', ' more'], cutAfter: 1 });
    const cut = await sendWithChain({ first: remoteModel(), chain: [localModel()] });
    expect(cut.end).toMatchObject({ kind: 'error', partial: true });
    expect(cut.reply.content).toBe('partial');
    expect(cut.reply.model?.connectionId).toBe(remoteId);
    expect(chatRequests(local)).toHaveLength(0);
  });

  test('when every model of the chain fails, the error names each one', async () => {
    remote.setBehaviour({ status: 503 });
    const { end, reply } = await sendWithChain({ first: remoteModel(), chain: [brokenModel()] });
    expect(end).toMatchObject({ kind: 'error', error: { kind: 'server' } });
    expect(reply.status).toBe('error');
    expect(reply.error?.detail).toMatch(/Also tried: Remote LLM gpt-remote/);
  });

  test('the chain is stored per conversation, refuses unknown connections, and an explicit regenerate model ignores it', async () => {
    const conversation = await t.value('createConversation', {});
    expect(await t.value('getFallbackChain', { conversationId: conversation.id })).toEqual([]);
    await t.value('setFallbackChain', { conversationId: conversation.id, chain: [localModel()] });
    expect(await t.value('getFallbackChain', { conversationId: conversation.id })).toEqual([localModel()]);
    const bad = await t.dispatch('setFallbackChain', { conversationId: conversation.id, chain: [{ connectionId: 'nope', modelId: 'x' }] });
    expect(bad.ok).toBe(false);
    expect(await t.value('getFallbackChain', { conversationId: conversation.id })).toEqual([localModel()]);

    const first = await t.value('sendMessage', { conversationId: conversation.id, parentId: null, content: 'q', model: localModel() });
    await t.streamEnd(first.streamId);
    remote.setBehaviour({ status: 503 });
    const regen = await t.value('regenerate', { messageId: first.assistantMessageId, model: remoteModel() });
    expect(await t.streamEnd(regen.streamId)).toMatchObject({ kind: 'error', error: { kind: 'overloaded' } });
  });
});

describe('provider health from the ledger', () => {
  test('per model: requests, success rate, TTFT and speed, computed from real ledger rows', async () => {
    remote.setBehaviour({ status: 503 });
    await sendWithChain({ first: remoteModel(), chain: [localModel()] });
    remote.setBehaviour({ tokens: ['fine'], models: ['gpt-remote'] });
    await sendWithChain({ first: remoteModel(), chain: [] });
    await sendWithChain({ first: localModel(), chain: [] });

    const health = await t.value('providerHealth', { days: 7 });
    const remoteHealth = health.find((h) => h.model === 'gpt-remote')!;
    const localHealth = health.find((h) => h.model === 'llama3.2:3b')!;
    expect(remoteHealth).toMatchObject({ connectionName: 'Remote LLM', requests: 4, successRate: 0.25, lastFailure: { status: 503 } });
    expect(localHealth).toMatchObject({ connectionName: 'Ollama', requests: 2, successRate: 1 });
    expect(localHealth.ttftP50Ms).toBeGreaterThanOrEqual(0);
    expect(localHealth.ttftP95Ms).toBeGreaterThanOrEqual(localHealth.ttftP50Ms!);
    expect(localHealth.tokensPerSecondP50).toBeGreaterThan(0);
    expect(localHealth.lastFailure).toBeUndefined();
  });
});
