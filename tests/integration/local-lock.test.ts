// The local-only lock is enforced by the core, whatever the renderer asks for: a crafted request
// to a remote model in a locked conversation is refused before anything is written or sent.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { parseRoutes, routeHosts } from '../../harness/route-hosts';
import { startFake, type FakeServer } from '../fakes/index';
import { startCore, type CoreFixture } from '../support/core-fixture';

const REMOTE_HOST = 'remote-llm.example';
let remoteFake: FakeServer;
let localFake: FakeServer;
let t: CoreFixture;
let remoteId: string;
let localId: string;

beforeAll(async () => {
  remoteFake = await startFake('openai-chat', { tokens: ['remote', ' answer'], models: ['gpt-remote'] });
  localFake = await startFake('ollama', { tokens: ['local', ' answer'], models: ['llama3.2:3b'] });
});
afterAll(async () => {
  await remoteFake.close();
  await localFake.close();
});

beforeEach(async () => {
  remoteFake.requests.length = 0;
  localFake.requests.length = 0;
  t = await startCore({ transport: routeHosts(parseRoutes([`${REMOTE_HOST}=${remoteFake.origin}`])) });
  const remote = await t.value('addConnection', { kind: 'openai-compatible', name: 'Remote LLM', baseUrl: `https://${REMOTE_HOST}/v1` });
  const local = await t.value('addConnection', { kind: 'ollama', name: 'Ollama', baseUrl: localFake.origin });
  expect(remote.local).toBe(false);
  expect(local.local).toBe(true);
  remoteId = remote.id;
  localId = local.id;
});
afterEach(() => t.dispose());

const remoteModel = () => ({ connectionId: remoteId, modelId: 'gpt-remote' });
const localModel = () => ({ connectionId: localId, modelId: 'llama3.2:3b' });

describe('local-only lock at the core', () => {
  test('refuses a crafted sendMessage to a remote model in a locked conversation, and nothing reaches the provider', async () => {
    const conversation = await t.value('createConversation', { localOnly: true });
    const result = await t.dispatch('sendMessage', { conversationId: conversation.id, parentId: null, content: 'my secret plan', model: remoteModel() });

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.chatError?.kind).toBe('locked-local');
    expect(result.error.message).toMatch(/locked to local models.*nothing was sent to Remote LLM/);
    expect(remoteFake.requests).toHaveLength(0);
    expect(await t.value('listLedger', {})).toEqual([]);
    expect((await t.value('getConversation', { id: conversation.id })).messages).toEqual([]);
  });

  test('the same request goes through once the conversation is unlocked (the refusal is the lock, not the setup)', async () => {
    const conversation = await t.value('createConversation', { localOnly: true });
    await t.value('updateConversation', { id: conversation.id, localOnly: false });
    const sent = await t.value('sendMessage', { conversationId: conversation.id, parentId: null, content: 'hello remote', model: remoteModel() });
    expect(await t.streamEnd(sent.streamId)).toMatchObject({ kind: 'finish' });
    expect(JSON.stringify(remoteFake.requests.map((r) => r.body))).toContain('hello remote');
    const ledger = await t.value('listLedger', { host: REMOTE_HOST });
    expect(ledger.map((e) => e.outcome)).toContain('ok');
  });

  test('locking an existing conversation refuses regenerate and compare with a remote model too', async () => {
    const conversation = await t.value('createConversation', {});
    const sent = await t.value('sendMessage', { conversationId: conversation.id, parentId: null, content: 'first', model: localModel() });
    await t.streamEnd(sent.streamId);
    await t.value('updateConversation', { id: conversation.id, localOnly: true });
    localFake.requests.length = 0;

    const regen = await t.dispatch('regenerate', { messageId: sent.assistantMessageId, model: remoteModel() });
    expect(regen.ok ? 'sent' : regen.error.chatError?.kind).toBe('locked-local');

    const compare = await t.dispatch('sendCompare', { conversationId: conversation.id, parentId: sent.assistantMessageId, content: 'both', models: [localModel(), remoteModel()] });
    expect(compare.ok ? 'sent' : compare.error.chatError?.kind).toBe('locked-local');
    // Refused as a whole: the local half was not sent either.
    expect(localFake.requests.filter((r) => r.path === '/api/chat')).toHaveLength(0);
    expect(remoteFake.requests).toHaveLength(0);
  });

  test('a locked conversation still talks to local models', async () => {
    const conversation = await t.value('createConversation', { localOnly: true });
    const sent = await t.value('sendMessage', { conversationId: conversation.id, parentId: null, content: 'stay here', model: localModel() });
    expect(await t.streamEnd(sent.streamId)).toMatchObject({ kind: 'finish' });
    expect(JSON.stringify(localFake.requests.map((r) => r.body))).toContain('stay here');
  });

  test('new conversations are locked when the default-for-new-conversations preference is on', async () => {
    expect((await t.value('createConversation', {})).localOnly).toBe(false);
    await t.value('updatePreferences', { defaultLocalOnly: true });
    const locked = await t.value('createConversation', {});
    expect(locked.localOnly).toBe(true);
    const result = await t.dispatch('sendMessage', { conversationId: locked.id, parentId: null, content: 'x', model: remoteModel() });
    expect(result.ok ? 'sent' : result.error.chatError?.kind).toBe('locked-local');
  });
});
