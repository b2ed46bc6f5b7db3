// Settings never widen what leaves the machine, and a damaged settings file costs only what is
// damaged: real conf files in a temp folder, the real core, a fake remote on loopback.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, expect, test } from 'vitest';
import { parseRoutes, routeHosts } from '../../../harness/route-hosts';
import { startFake, type FakeServer } from '../../fakes/index';
import { startCore } from '../../support/core-fixture';
import { dispatch } from '../../../electron/core/ipc/dispatch';
import { createConfSettings } from '../../../electron/core/settings/conf-settings';
import { defaultSettings, SETTINGS_VERSION } from '../../../electron/core/settings/schema';

const REMOTE_HOST = 'remote-llm.example';
let remote: FakeServer;
let dir: string;
const file = () => join(dir, 'settings.json');
const conn = (id: string, name: string, baseUrl: string, local: boolean) => ({ id, kind: 'openai-compatible', name, baseUrl, local, extraModels: [], createdAt: 1 });

beforeAll(async () => {
  remote = await startFake('openai-chat', { tokens: ['remote'], models: ['gpt-remote'] });
});
afterAll(() => remote.close());
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'enclave-faults-settings-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

test('a hand-edited "local": true on a remote connection does not let a locked conversation send to it', async () => {
  writeFileSync(file(), JSON.stringify({ ...defaultSettings(), connections: [conn('r1', 'Remote LLM', `https://${REMOTE_HOST}/v1`, true)] }));
  const f = await startCore({ dataDir: dir, transport: routeHosts(parseRoutes([`${REMOTE_HOST}=${remote.origin}`])) });
  try {
    expect((await f.call('listConnections', {})).find((c) => c.id === 'r1')?.local).toBe(false);
    const conversation = await f.call('createConversation', { localOnly: true });
    const sent = await dispatch(
      f.core.handlers,
      'sendMessage',
      {
        conversationId: conversation.id,
        parentId: null,
        content: 'my secret plan',
        model: { connectionId: 'r1', modelId: 'gpt-remote' },
      },
      () => {},
    );
    expect(sent.ok).toBe(false);
    if (!sent.ok) expect(sent.error.chatError?.kind).toBe('locked-local');
    expect(remote.requests).toHaveLength(0);
  } finally {
    await f.close();
  }
});

test('a settings path that is a folder stops start-up with a sentence that says what to do', () => {
  mkdirSync(file());
  expect(() => createConfSettings({ cwd: dir })).toThrow(/settings file .*settings\.json is a folder, not a file\. Move or rename that folder/);
});

test('two connections with the same id are refused when set, and the second is set aside when loaded', () => {
  const settings = createConfSettings({ cwd: dir });
  const a = conn('same', 'First', 'http://127.0.0.1:11434', true);
  const b = conn('same', 'Second', 'http://127.0.0.1:1234/v1', true);
  expect(() => settings.set('connections', [a, b] as never)).toThrow(/same id/);

  writeFileSync(file(), JSON.stringify({ ...defaultSettings(), connections: [a, b] }));
  const reloaded = createConfSettings({ cwd: dir });
  expect(reloaded.get('connections').map((c) => c.name)).toEqual(['First']);
  expect(reloaded.notices[0]).toMatch(/set aside: the connection "Second" \(its id repeats an earlier connection\)/);
});

test("a settings file with one broken connection keeps every other connection and the user's choices", () => {
  const good = [conn('g1', 'LM Studio', 'http://127.0.0.1:1234/v1', true), conn('g2', 'Together', 'https://api.together.xyz/v1', false)];
  const broken = { ...conn('b1', 'Broken', 'ftp://nope', false) };
  const text = JSON.stringify({ ...defaultSettings(), theme: 'dark', offline: 'yes please', connections: [good[0], broken, good[1]] });
  writeFileSync(file(), text);
  const settings = createConfSettings({ cwd: dir, now: () => 0 });
  expect(settings.get('connections')).toEqual(good);
  expect(settings.get('theme')).toBe('dark');
  // Unreadable privacy switch: on, never off.
  expect(settings.get('offline')).toBe(true);
  expect(settings.notices[0]).toMatch(/including 2 connections; set aside: "offline" \(unreadable, so it was turned on to be safe\), the connection "Broken" \(it is not valid\)/);
  const backup = readdirSync(dir).find((n) => n.includes('.corrupt-'));
  expect(readFileSync(join(dir, backup!), 'utf8')).toBe(text);
});

test('a settings file of an unknown version keeps the connections that still validate', () => {
  const keep = conn('k1', 'Ollama', 'http://127.0.0.1:11434', true);
  writeFileSync(file(), JSON.stringify({ version: SETTINGS_VERSION + 5, connections: [keep, { id: 'x' }], shinyNewThing: 1 }));
  const settings = createConfSettings({ cwd: dir });
  expect(settings.get('connections')).toEqual([keep]);
  expect(settings.notices[0]).toMatch(/newer version of Enclave.*including 1 connection; set aside: a connection \(it is not valid\)/);
});
