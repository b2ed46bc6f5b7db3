// The connections part of the engine through the IPC dispatcher, against fake servers on loopback:
// editing (name, address, extra model ids), probing a typed address, and test results that name
// the provider's complaint. Keys use an in-memory keychain backend; the real one is covered by
// key-leak.test.ts and the e2e tests.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallName, CallRequest, ConnectionTestResult, ModelListResult, ProbeLocalServerResult } from '../../shared/contract';
import type { ConnectionView } from '../../shared/types';
import type { Core } from '../../electron/core/app';
import { startCore } from '../support/core-fixture';
import { dispatch } from '../../electron/core/ipc/dispatch';
import { createVault } from '../../electron/core/vault/vault';
import { createMemoryHintStore } from '../../electron/core/vault/hint-store';
import { startFake, type FakeServer } from '../fakes/index';
import { memoryKeychain } from '../support/core-fixture';

describe('connections through the engine', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'enclave-conns-'));
  const keychain = memoryKeychain();
  let core: Core;
  let ollama: FakeServer;
  let other: FakeServer;
  let keyed: FakeServer;

  async function call<T>(name: CallName, request: object): Promise<T> {
    const result = await dispatch(core.handlers, name, request as CallRequest<typeof name>);
    if (!result.ok) throw new Error(result.error.chatError?.message ?? result.error.message);
    return result.value as T;
  }

  beforeAll(async () => {
    ollama = await startFake('ollama', { models: ['llama3.2:3b'] });
    other = await startFake('ollama', { models: ['qwen3:4b', 'gemma3:1b'] });
    keyed = await startFake('openai-chat', { requiredKey: 'sk-right-key-0001', models: ['m-1'] }, { flavor: 'vllm' });
    core = (await startCore({ dataDir, keychain, log: () => undefined })).core;
  });

  afterAll(async () => {
    await core?.close();
    await Promise.all([ollama?.close(), other?.close(), keyed?.close()]);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('moves a connection to another address and lists that server’s models at once', async () => {
    const conn = await call<ConnectionView>('addConnection', { kind: 'ollama', name: 'Box', baseUrl: ollama.baseUrl });
    expect((await call<ModelListResult>('listModels', { connectionId: conn.id })).models.map((m) => m.id)).toEqual(['llama3.2:3b']);
    const moved = await call<ConnectionView>('updateConnection', { id: conn.id, name: 'Other box', baseUrl: `${other.baseUrl}/` });
    expect(moved).toMatchObject({ name: 'Other box', baseUrl: other.baseUrl, local: true });
    // The cached list belonged to the old address: it is not served for the new one.
    const listed = await call<ModelListResult>('listModels', { connectionId: conn.id });
    expect(listed).toMatchObject({ fromCache: false });
    expect(listed.models.map((m) => m.id)).toEqual(['qwen3:4b', 'gemma3:1b']);
  });

  it('adds model ids the listing omits, once each, and offers them with the listed ones', async () => {
    const conn = await call<ConnectionView>('addConnection', { kind: 'ollama', name: 'Extras', baseUrl: ollama.baseUrl });
    await call('listModels', { connectionId: conn.id });
    const updated = await call<ConnectionView>('updateConnection', { id: conn.id, extraModels: [' my-finetune ', 'my-finetune', 'llama3.2:3b'] });
    expect(updated.extraModels).toEqual(['my-finetune', 'llama3.2:3b']);
    const listed = await call<ModelListResult>('listModels', { connectionId: conn.id });
    expect(listed.models.map((m) => m.id)).toEqual(['llama3.2:3b', 'my-finetune']);
  });

  it('refuses to drop the address of a kind that has no default one', async () => {
    const conn = await call<ConnectionView>('addConnection', { kind: 'openai-compatible', name: 'Server', baseUrl: keyed.baseUrl });
    await expect(call('updateConnection', { id: conn.id, baseUrl: null })).rejects.toThrow(/needs a base URL/);
    expect((await call<ConnectionView[]>('listConnections', {})).find((c) => c.id === conn.id)?.baseUrl).toBe(keyed.baseUrl);
  });

  it('drops an override and goes back to the provider’s own address', async () => {
    const conn = await call<ConnectionView>('addConnection', { kind: 'anthropic', name: 'Claude', baseUrl: 'http://127.0.0.1:9/v1', apiKey: 'sk-ant-x-0001' });
    expect(conn.local).toBe(true);
    const reset = await call<ConnectionView>('updateConnection', { id: conn.id, baseUrl: null });
    expect(reset.baseUrl).toBeUndefined();
    expect(reset.local).toBe(false);
  });

  it('replacing a wrong key makes the test pass and the hint name the new key, unverified until then', async () => {
    const conn = await call<ConnectionView>('addConnection', { kind: 'openai-compatible', name: 'vLLM', baseUrl: keyed.baseUrl, apiKey: 'sk-wrong-key-0002' });
    const failed = await call<ConnectionTestResult>('testConnection', { id: conn.id });
    expect(failed).toMatchObject({ ok: false, error: { kind: 'auth', status: 401, message: 'vLLM says the key is invalid or not allowed to do this. Check it in Connections.' } });
    const replaced = await call<ConnectionView>('updateConnection', { id: conn.id, apiKey: 'sk-right-key-0001' });
    expect(replaced.keyHint).toEqual({ connectionId: conn.id, last4: '0001' });
    const passed = await call<ConnectionTestResult>('testConnection', { id: conn.id });
    expect(passed).toMatchObject({ ok: true, modelCount: 1 });
    const [after] = (await call<ConnectionView[]>('listConnections', {})).filter((c) => c.id === conn.id);
    expect(after?.keyHint?.verifiedAt).toBeGreaterThan(0);
  });

  it('a key kept with a hint store other than settings still reaches the provider', async () => {
    // Before the vault owned hints, the connections service looked for them in settings only, so
    // with any other hint store every turn and listing went out without the key.
    const own = await startCore({ vault: createVault({ backend: memoryKeychain(), hints: createMemoryHintStore() }) });
    try {
      const added = await own.value('addConnection', { kind: 'openai-compatible', name: 'Keyed', baseUrl: keyed.baseUrl, apiKey: 'sk-right-key-0001' });
      const result = await own.value('testConnection', { id: added.id });
      expect(result).toMatchObject({ ok: true, modelCount: 1, connection: { keyHint: { last4: '0001' } } });
      expect(result.connection?.keyHint?.verifiedAt).toBeGreaterThan(0);
    } finally {
      await own.dispose();
    }
  });

  it('deleting a connection removes its keychain entry', async () => {
    const conn = await call<ConnectionView>('addConnection', { kind: 'openai-compatible', name: 'Gone', baseUrl: keyed.baseUrl, apiKey: 'sk-right-key-0001' });
    expect([...keychain.entries.keys()].some((k) => k.endsWith(`/${conn.id}`))).toBe(true);
    await call('removeConnection', { id: conn.id });
    expect([...keychain.entries.keys()].some((k) => k.endsWith(`/${conn.id}`))).toBe(false);
  });

  it('probes a typed address: finds the server there, says so when already added, refuses other machines', async () => {
    const port = new URL(other.origin).port;
    const found = await call<ProbeLocalServerResult>('probeLocalServer', { address: `127.0.0.1:${port}` });
    expect(found).toEqual({ found: true, server: expect.objectContaining({ kind: 'ollama', product: 'Ollama', models: ['qwen3:4b', 'gemma3:1b'], alreadyAdded: true }) });
    const fresh = await startFake('ollama', { models: ['phi4'] });
    try {
      const notYet = await call<ProbeLocalServerResult>('probeLocalServer', { address: `localhost:${new URL(fresh.origin).port}` });
      expect(notYet).toMatchObject({ found: true, server: { alreadyAdded: false, models: ['phi4'] } });
    } finally {
      await fresh.close();
    }
    const remote = await call<ProbeLocalServerResult>('probeLocalServer', { address: 'example.com:11434' });
    expect(remote).toEqual({ found: false, message: expect.stringMatching(/example\.com is not this machine/) });
    const silent = await call<ProbeLocalServerResult>('probeLocalServer', { address: '127.0.0.1:9' });
    expect(silent).toEqual({ found: false, message: expect.stringMatching(/Nothing answered/) });
  });
});
