// Runtime proof that nothing in the core reaches the network around egress: every HTTP request
// Node creates (undici's fetch, and the legacy http module) is checked, at the moment it is
// created, against the URLs egress has in flight. A request egress did not start fails the test.
import diagnostics from 'node:diagnostics_channel';
import { get } from 'node:http';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startFake, type FakeServer } from '../fakes/index';
import { startCore, type CoreFixture } from '../support/core-fixture';

interface Seen {
  via: 'undici' | 'http';
  url: string;
  throughEgress: boolean;
}

interface UndiciCreate {
  request: { origin: string | URL; path: string };
}
interface HttpStart {
  request: { protocol: string; host: string; path: string; getHeader(name: string): unknown };
}

let ollama: FakeServer;
let compatible: FakeServer;
let t: CoreFixture;
const seen: Seen[] = [];

const withoutQuery = (path: string) => path.split('?')[0] ?? path;

function onUndici(message: unknown) {
  const { request } = message as UndiciCreate;
  const url = `${new URL(String(request.origin)).origin}${withoutQuery(request.path)}`;
  seen.push({ via: 'undici', url, throughEgress: t.core.inFlight().has(url) });
}

function onHttp(message: unknown) {
  const { request } = message as HttpStart;
  const port = String(request.getHeader('host') ?? request.host).split(':')[1];
  const url = `${request.protocol}//${request.host}${port ? `:${port}` : ''}${withoutQuery(request.path)}`;
  seen.push({ via: 'http', url, throughEgress: t.core.inFlight().has(url) });
}

beforeAll(async () => {
  ollama = await startFake('ollama', { tokens: ['Hi', ' there'], models: ['llama3.2:3b'] });
  compatible = await startFake('openai-chat', { tokens: ['Compat', ' reply'], models: ['qwen2.5'] }, { flavor: 'vllm' });
  t = await startCore({ discoveryCandidates: [ollama.origin, compatible.origin] });
  diagnostics.subscribe('undici:request:create', onUndici);
  diagnostics.subscribe('http.client.request.start', onHttp);
});

afterAll(async () => {
  diagnostics.unsubscribe('undici:request:create', onUndici);
  diagnostics.unsubscribe('http.client.request.start', onHttp);
  await t?.close();
  await ollama?.close();
  await compatible?.close();
});

test('every outbound request of discovery, model listing, a connection test and chat turns went through egress', async () => {
  const found = await t.value('findLocalServers', {});
  expect(found.map((s) => s.baseUrl).join(' ')).toContain(ollama.origin);

  const local = await t.value('addConnection', { kind: 'ollama', name: 'Ollama', baseUrl: ollama.origin });
  const compat = await t.value('addConnection', { kind: 'openai-compatible', name: 'vLLM', baseUrl: compatible.baseUrl });
  expect((await t.value('listModels', { connectionId: local.id, refresh: true })).models.map((m) => m.id)).toContain('llama3.2:3b');
  expect((await t.value('listModels', { connectionId: compat.id, refresh: true })).models.map((m) => m.id)).toContain('qwen2.5');
  expect((await t.value('testConnection', { id: compat.id })).ok).toBe(true);

  const conversation = await t.value('createConversation', {});
  const first = await t.value('sendMessage', { conversationId: conversation.id, parentId: null, content: 'hello', model: { connectionId: local.id, modelId: 'llama3.2:3b' } });
  expect(await t.streamEnd(first.streamId)).toMatchObject({ kind: 'finish' });
  const second = await t.value('sendMessage', {
    conversationId: conversation.id,
    parentId: first.assistantMessageId,
    content: 'again',
    model: { connectionId: compat.id, modelId: 'qwen2.5' },
  });
  expect(await t.streamEnd(second.streamId)).toMatchObject({ kind: 'finish' });

  // The probe saw real traffic (so it can fail), and every request was one egress had started.
  expect(seen.filter((s) => s.url.includes('/api/chat')).length).toBeGreaterThan(0);
  expect(seen.filter((s) => s.url.includes('/chat/completions')).length).toBeGreaterThan(0);
  expect(seen.filter((s) => !s.throughEgress)).toEqual([]);

  // And each request left its ledger row, never content.
  const ledger = await t.value('listLedger', { limit: 5000 });
  expect(ledger.length).toBe(seen.length);
  expect(JSON.stringify(ledger)).not.toMatch(/hello|again/);
});

test('the probe catches a request made around egress', async () => {
  const before = seen.length;
  const res = await globalThis.fetch(`${ollama.origin}/api/tags`);
  await res.text();
  await new Promise<void>((resolve, reject) => {
    get(`${ollama.origin}/api/version`, (r) => r.resume().on('end', resolve)).on('error', reject);
  });
  const bypass = seen.slice(before);
  expect(bypass.map((s) => [s.via, s.throughEgress])).toEqual([
    ['undici', false],
    ['http', false],
  ]);
  expect(bypass[1]?.url).toBe(`${ollama.origin}/api/version`);
});
