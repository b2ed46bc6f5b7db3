// Offline mode at the core: a remote request is refused by egress before any socket opens (the
// transport is never called, the fake sees nothing) and leaves one 'refused' ledger row.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { Fetch } from '../../electron/core/egress/egress';
import { parseRoutes, routeHosts } from '../../harness/route-hosts';
import { startFake, type FakeServer } from '../fakes/index';
import { startCore, type CoreFixture } from '../support/core-fixture';

const REMOTE_HOST = 'remote-llm.example';
let remoteFake: FakeServer;
let localFake: FakeServer;
let t: CoreFixture;
let handedToTransport: string[];
let remoteId: string;
let localId: string;

beforeAll(async () => {
  remoteFake = await startFake('openai-chat', { tokens: ['remote'], models: ['gpt-remote'] });
  localFake = await startFake('ollama', { tokens: ['local', ' reply'], models: ['llama3.2:3b'] });
});
afterAll(async () => {
  await remoteFake.close();
  await localFake.close();
});

beforeEach(async () => {
  remoteFake.requests.length = 0;
  localFake.requests.length = 0;
  handedToTransport = [];
  const routed = routeHosts(parseRoutes([`${REMOTE_HOST}=${remoteFake.origin}`]));
  const counting: Fetch = (input, init) => {
    handedToTransport.push(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    return routed(input, init);
  };
  t = await startCore({ transport: counting });
  remoteId = (await t.value('addConnection', { kind: 'openai-compatible', name: 'Remote LLM', baseUrl: `https://${REMOTE_HOST}/v1` })).id;
  localId = (await t.value('addConnection', { kind: 'ollama', name: 'Ollama', baseUrl: localFake.origin })).id;
});
afterEach(() => t.dispose());

const remoteRequests = () => handedToTransport.filter((u) => new URL(u).hostname === REMOTE_HOST);

describe('offline mode at the core', () => {
  test('refuses a remote chat turn before any socket: the provider sees nothing and the ledger has a refused row', async () => {
    expect((await t.value('setOffline', { offline: true })).offline).toBe(true);
    const conversation = await t.value('createConversation', {});
    const sent = await t.value('sendMessage', {
      conversationId: conversation.id,
      parentId: null,
      content: 'are you there?',
      model: { connectionId: remoteId, modelId: 'gpt-remote' },
    });
    const end = await t.streamEnd(sent.streamId);

    expect(end).toMatchObject({ kind: 'error', error: { kind: 'offline' } });
    if (end.kind === 'error') expect(end.error.message).toMatch(/Offline mode is on.*remote-llm\.example/);
    expect(remoteRequests()).toEqual([]);
    expect(remoteFake.requests).toHaveLength(0);
    const ledger = await t.value('listLedger', { host: REMOTE_HOST });
    expect(ledger.length).toBeGreaterThanOrEqual(1);
    for (const row of ledger) expect(row).toMatchObject({ outcome: 'refused', status: 0, bytesDown: 0, connectionId: remoteId, model: 'gpt-remote' });
  });

  test('refuses a remote model listing while offline and answers from nothing remote', async () => {
    await t.value('setOffline', { offline: true });
    const listing = await t.value('listModels', { connectionId: remoteId, refresh: true });
    expect(listing.models).toEqual([]);
    expect(listing.error?.kind).toBe('offline');
    expect(remoteRequests()).toEqual([]);
    expect((await t.value('listLedger', { host: REMOTE_HOST })).map((r) => r.outcome)).toEqual(['refused']);
  });

  test('local models keep working while offline', async () => {
    await t.value('setOffline', { offline: true });
    const conversation = await t.value('createConversation', {});
    const sent = await t.value('sendMessage', { conversationId: conversation.id, parentId: null, content: 'hi local', model: { connectionId: localId, modelId: 'llama3.2:3b' } });
    expect(await t.streamEnd(sent.streamId)).toMatchObject({ kind: 'finish' });
    expect(JSON.stringify(localFake.requests.map((r) => r.body))).toContain('hi local');
  });

  test('turning offline mode off lets the remote request through again', async () => {
    await t.value('setOffline', { offline: true });
    expect((await t.value('setOffline', { offline: false })).offline).toBe(false);
    const conversation = await t.value('createConversation', {});
    const sent = await t.value('sendMessage', {
      conversationId: conversation.id,
      parentId: null,
      content: 'back online',
      model: { connectionId: remoteId, modelId: 'gpt-remote' },
    });
    expect(await t.streamEnd(sent.streamId)).toMatchObject({ kind: 'finish' });
    expect(remoteRequests().length).toBeGreaterThan(0);
    expect(JSON.stringify(remoteFake.requests.map((r) => r.body))).toContain('back online');
  });
});
