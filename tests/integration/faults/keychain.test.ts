// Keychain states. A locked gnome-keyring (locked over D-Bus, in a private dbus-run-session of its
// own) must read "Your keychain is locked — unlock it and press Retry", not "needs an API key";
// a key deleted outside Enclave loses its hint. Retry after unlocking is shown with a stand-in
// keychain that behaves as gnome-keyring was seen to: a locked item reads as missing, and a write
// fails with "Cannot create an item in a locked collection".
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startFake, type FakeServer } from '../../fakes/index';
import { startCore } from '../../support/core-fixture';
import type { KeytarLike } from '../../../electron/core/vault/keytar-like';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '../../..');
let fake: FakeServer;

beforeAll(async () => {
  fake = await startFake('openai-chat', { tokens: ['hello'], models: ['gpt-fake'] });
});
afterAll(() => fake.close());

test('with the real keyring locked, a send says to unlock it, app info says locked, and hints stay; a key deleted outside loses its hint', async () => {
  const home = mkdtempSync(join(tmpdir(), 'enclave-keyring-home-'));
  try {
    const script = join(root, 'tests/support/keychain-lock-scenario.ts');
    const inner = `echo -n enclave-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null; exec "${process.execPath}" --import tsx "${script}" "${fake.origin}"`;
    const env = { ...process.env, HOME: home, DBUS_SESSION_BUS_ADDRESS: '' };
    const { stdout } = await run('dbus-run-session', ['--', 'sh', '-c', inner], { cwd: root, env, timeout: 40_000 });
    const seen = JSON.parse(stdout.trim().split('\n').at(-1)!);
    expect(seen.hintsAfterDelete).toEqual({ Kept: '1111', Gone: null });
    expect(seen.keychain).toMatchObject({ available: false, locked: true, reason: 'Your keychain is locked — unlock it and press Retry.' });
    expect(seen.end).toMatchObject({ kind: 'error', error: { kind: 'keychain-locked', message: 'Your keychain is locked — unlock it and press Retry.' } });
    expect(seen.hintsWhileLocked).toEqual({ Kept: '1111', Gone: null });
    expect(fake.requests.filter((r) => r.path.endsWith('/chat/completions'))).toHaveLength(0);
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}, 60_000);

/** Behaves as gnome-keyring does when its collection is locked (observed above, same messages). */
function lockableKeychain(): KeytarLike & { locked: boolean } {
  const entries = new Map<string, string>();
  const k = {
    locked: false,
    getPassword: async (s: string, a: string) => (k.locked ? null : (entries.get(`${s}/${a}`) ?? null)),
    setPassword: async (s: string, a: string, p: string) => {
      if (k.locked) throw new Error('Cannot create an item in a locked collection');
      entries.set(`${s}/${a}`, p);
    },
    deletePassword: async (s: string, a: string) => {
      if (k.locked) throw new Error('Cannot delete an item in a locked collection');
      return entries.delete(`${s}/${a}`);
    },
  };
  return k;
}

test('Retry after unlocking the keychain sends the reply with the stored key', async () => {
  const keychain = lockableKeychain();
  const f = await startCore({ keychain });
  try {
    const conn = await f.call('addConnection', { kind: 'openai-compatible', name: 'Remote', baseUrl: `${fake.origin}/v1`, apiKey: 'sk-live-000000000000abcd' });
    const conversation = await f.call('createConversation', {});
    keychain.locked = true;
    const model = { connectionId: conn.id, modelId: 'gpt-fake' };
    const first = await f.call('sendMessage', { conversationId: conversation.id, parentId: null, content: 'hi', model });
    expect(await f.streamEnd(first.streamId)).toMatchObject({ kind: 'error', error: { kind: 'keychain-locked' } });
    expect((await f.call('getAppInfo', {})).keychain.locked).toBe(true);

    keychain.locked = false;
    const retry = await f.call('regenerate', { messageId: first.assistantMessageId });
    expect(await f.streamEnd(retry.streamId)).toMatchObject({ kind: 'finish' });
    expect((await f.call('getAppInfo', {})).keychain).toEqual({ available: true });
    const sentKey = fake.requests.at(-1)?.headers.authorization;
    expect(sentKey).toBe('Bearer sk-live-000000000000abcd');
    expect((await f.call('listConnections', {}))[0]?.keyHint?.last4).toBe('abcd');
  } finally {
    await f.close();
    rmSync(f.dataDir, { recursive: true, force: true });
  }
});
