// A provider key goes into the real core once and must never come out again: not in any IPC
// response or stream event the renderer would receive, not in the settings file, the SQLite files
// (WAL included), the exports or the logs. Only its last four characters may appear, and only as
// the key hint. Runs the real vault against gnome-keyring (dbus-run-session).
import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CallName, CallRequest, CallResult, ConnectionTestResult, ModelListResult, SendResult } from '../../shared/contract';
import type { ConnectionView, StreamEvent } from '../../shared/types';
import type { Core } from '../../electron/core/app';
import { createVault, keyOnlyVault } from '../../electron/core/vault/vault';
import { startCore } from '../support/core-fixture';
import { dispatch } from '../../electron/core/ipc/dispatch';
import { createMemoryHintStore } from '../../electron/core/vault/hint-store';
import { startFake, type FakeServer } from '../fakes/index';

const hasSession = Boolean(process.env.DBUS_SESSION_BUS_ADDRESS);

// The random part is hex; the last four are letters no id, hash or hex string here can contain,
// so every place they appear is a real sighting.
const SECRET = randomBytes(16).toString('hex');
const LAST4 = 'QZXJ';
const KEY = `sk-leaktest-${SECRET}-${LAST4}`;
/** Every 8-character piece of the key's secret part: a partial echo is a leak too. */
const PIECES = Array.from({ length: SECRET.length - 7 }, (_, i) => SECRET.slice(i, i + 8));

/** Answers every request 401 and echoes the key it was sent, whole and in OpenAI's masked form. */
function startEchoingServer(): Promise<{ server: Server; baseUrl: string }> {
  const server = createServer((req, res) => {
    const sent = (req.headers.authorization ?? '').replace(/^Bearer /, '');
    const body = {
      error: {
        message: `Incorrect API key provided: ${sent.slice(0, 16)}***${sent.slice(-4)}. Your api key: ${sent} is invalid.`,
        type: 'invalid_request_error',
        param: null,
        code: 'invalid_api_key',
      },
    };
    req.resume();
    req.on('end', () => {
      res.writeHead(401, { 'content-type': 'application/json', 'www-authenticate': `Bearer realm="${sent}"` });
      res.end(JSON.stringify(body));
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1` })));
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((p) => join(dir, p))
    .filter((p) => statSync(p).isFile());
}

/** Where in `text` the key, a piece of it, or its last four show up. */
function sightings(text: string): { full: number; pieces: string[]; last4: number; last4AsHint: number } {
  const count = (s: string) => text.split(s).length - 1;
  return {
    full: count(KEY),
    pieces: PIECES.filter((p) => text.includes(p)),
    last4: count(LAST4),
    last4AsHint: text.match(new RegExp(`"last4":\\s*"${LAST4}"`, 'g'))?.length ?? 0,
  };
}

describe.skipIf(!hasSession)('the provider key never leaves the vault (run under dbus-run-session)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'enclave-leak-'));
  const service = `Enclave-test-leak-${randomUUID()}`;
  /** Everything the renderer would receive, as it would receive it (JSON over IPC). */
  const received: string[] = [];
  const logs: string[] = [];
  let core: Core;
  let closed = false;
  let fake: FakeServer;
  let echo: { server: Server; baseUrl: string };
  const streams = new Map<string, StreamEvent[]>();

  async function ipc<N extends CallName>(name: N, request: CallRequest<N>): Promise<CallResult<unknown>> {
    const result = await dispatch(core.handlers, name, request, (m) => logs.push(m));
    received.push(JSON.stringify(result));
    return result;
  }

  async function value<T>(name: CallName, request: object): Promise<T> {
    const result = await ipc(name, request as CallRequest<typeof name>);
    if (!result.ok) throw new Error(`${name} failed: ${result.error.message}`);
    return result.value as T;
  }

  async function streamEnd(streamId: string): Promise<StreamEvent> {
    await vi.waitFor(
      () => {
        expect((streams.get(streamId) ?? []).some((e) => e.kind === 'finish' || e.kind === 'error')).toBe(true);
      },
      { timeout: 15_000, interval: 20 },
    );
    return streams.get(streamId)!.find((e) => e.kind === 'finish' || e.kind === 'error')!;
  }

  beforeAll(async () => {
    for (const method of ['log', 'error', 'warn', 'info', 'debug'] as const) {
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void logs.push(args.map(String).join(' ')));
    }
    fake = await startFake('openai-responses', { requiredKey: KEY, models: ['gpt-4o-mini'], tokens: ['Fine', ', thanks', '.'] });
    echo = await startEchoingServer();
    core = (await startCore({ dataDir, keychainService: service, log: (m) => logs.push(m) })).core;
    core.onStream((events) => {
      received.push(JSON.stringify(events));
      for (const e of events) streams.set(e.streamId, [...(streams.get(e.streamId) ?? []), e]);
    });
  });

  afterAll(async () => {
    vi.restoreAllMocks();
    if (!closed) await core?.close();
    await fake?.close();
    await new Promise((r) => echo?.server.close(r));
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('adds, tests, lists, chats, fails, exports and deletes with the key, and shows only its last four as the hint', async () => {
    // Add and verify a working connection.
    const good = await value<ConnectionView>('addConnection', { kind: 'openai', name: 'OpenAI', baseUrl: fake.baseUrl, apiKey: KEY });
    expect(good.keyHint).toEqual({ connectionId: good.id, last4: LAST4 });
    expect((await value<ConnectionTestResult>('testConnection', { id: good.id })).ok).toBe(true);
    expect((await value<ModelListResult>('listModels', { connectionId: good.id, refresh: true })).models.map((m) => m.id)).toEqual(['gpt-4o-mini']);
    expect(fake.requests.every((r) => r.headers['authorization'] === `Bearer ${KEY}`)).toBe(true);

    // A successful chat.
    const conversation = await value<{ id: string }>('createConversation', { title: 'Leak check' });
    const sent = await value<SendResult>('sendMessage', {
      conversationId: conversation.id,
      parentId: null,
      content: 'How are you?',
      model: { connectionId: good.id, modelId: 'gpt-4o-mini' },
    });
    expect(await streamEnd(sent.streamId)).toMatchObject({ kind: 'finish', reason: 'stop' });

    // A server that rejects the key and echoes it back, whole and in part: test, list and chat.
    const bad = await value<ConnectionView>('addConnection', { kind: 'openai', name: 'Echoing server', baseUrl: echo.baseUrl, apiKey: KEY });
    const test = await value<ConnectionTestResult>('testConnection', { id: bad.id });
    expect(test.error).toMatchObject({ kind: 'auth', status: 401 });
    expect(test.error?.detail).toContain('Incorrect API key provided');
    expect((await value<ModelListResult>('listModels', { connectionId: bad.id, refresh: true })).error?.kind).toBe('auth');
    const failed = await value<SendResult>('sendMessage', {
      conversationId: conversation.id,
      parentId: sent.assistantMessageId,
      content: 'And now?',
      model: { connectionId: bad.id, modelId: 'gpt-4o-mini' },
    });
    expect(await streamEnd(failed.streamId)).toMatchObject({ kind: 'error', error: { kind: 'auth' } });

    // Replacing a key, and reading everything a screen would show.
    await value('updateConnection', { id: bad.id, apiKey: KEY });
    await value('listConnections', {});
    await value('getConversation', { id: conversation.id });
    await value('listConversations', {});
    await value('searchMessages', { query: 'How' });
    await value('listLedger', {});
    await value('ledgerTotals', { since: 0 });
    await value('getAppInfo', {});
    await value('getPreferences', {});

    // Every export format.
    for (const format of ['markdown', 'json', 'html'] as const) {
      expect(await value('exportConversations', { format, branches: 'all' })).toMatchObject({ saved: true });
    }
    for (const format of ['csv', 'json'] as const) expect(await value('exportLedger', { format })).toMatchObject({ saved: true });
    expect(filesUnder(join(dataDir, 'exports'))).toHaveLength(5);

    // The files, read while the database is open (so the -wal file still holds the recent writes).
    const dbFiles = filesUnder(dataDir).filter((f) => /enclave\.sqlite/.test(f));
    expect(dbFiles.some((f) => f.endsWith('-wal'))).toBe(true);
    const openFiles = filesUnder(dataDir).map((f) => ({ f, text: readFileSync(f).toString('latin1') }));

    // Deleting takes the key out of the keychain.
    await value('removeConnection', { id: bad.id });
    await value('removeConnection', { id: good.id });
    expect(await createVault({ hints: createMemoryHintStore(), service }).getKey(good.id)).toBeNull();
    await core.close();
    closed = true;
    const closedFiles = filesUnder(dataDir).map((f) => ({ f, text: readFileSync(f).toString('latin1') }));

    // IPC responses and stream events: never the key or a piece of it; the last four only as the hint.
    const wire = received.join('\n');
    expect(received.length).toBeGreaterThan(25);
    expect(sightings(wire)).toMatchObject({ full: 0, pieces: [] });
    const wireSightings = sightings(wire);
    expect(wireSightings.last4AsHint).toBeGreaterThan(0);
    expect(wireSightings.last4).toBe(wireSightings.last4AsHint);

    // Logs: nothing at all.
    expect(sightings(logs.join('\n'))).toEqual({ full: 0, pieces: [], last4: 0, last4AsHint: 0 });

    // Files: the settings file may keep the hint; the database and exports may not even hold that.
    for (const { f, text } of [...openFiles, ...closedFiles]) {
      const seen = sightings(text);
      expect({ f, full: seen.full, pieces: seen.pieces }).toEqual({ f, full: 0, pieces: [] });
      if (f.endsWith('settings.json')) expect({ f, last4: seen.last4 }).toEqual({ f, last4: seen.last4AsHint });
      else expect({ f, last4: seen.last4 }).toEqual({ f, last4: 0 });
    }
    expect(openFiles.map(({ f }) => f.slice(dataDir.length))).toEqual(expect.arrayContaining(['/settings.json', '/enclave.sqlite', '/enclave.sqlite-wal']));

    // The database key: made on first run, kept in the keychain, and nowhere else — not on the
    // wire, in a log or in any file, as hex, as raw bytes, or as any 8-character piece of its hex.
    const dbKeyHex = await keyOnlyVault({ service }).getDatabaseKey();
    expect(dbKeyHex).toMatch(/^[0-9a-f]{64}$/);
    const dbKeyRaw = Buffer.from(dbKeyHex!, 'hex').toString('latin1');
    const dbKeyPieces = Array.from({ length: dbKeyHex!.length - 7 }, (_, i) => dbKeyHex!.slice(i, i + 8));
    const leaksDbKey = (text: string) => text.includes(dbKeyRaw) || dbKeyPieces.some((p) => text.toLowerCase().includes(p));
    expect(leaksDbKey(wire)).toBe(false);
    expect(leaksDbKey(logs.join('\n'))).toBe(false);
    for (const { f, text } of [...openFiles, ...closedFiles]) expect({ f, leaks: leaksDbKey(text) }).toEqual({ f, leaks: false });
  });
});
