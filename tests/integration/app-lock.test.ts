// The app lock on the real core: while locked every contract call but the lock screen's is refused
// with a typed "locked" error (before its request is even read), streams go on being written, a
// wrong passphrase waits longer each time, and a restart comes back locked.
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { CALL_NAMES } from '../../shared/call-names';
import { looksLikeEncryptedArchive } from '../../shared/export/archive-sniff';
import { startFake, type FakeServer } from '../fakes/index';
import { startCore, type CoreFixture } from '../support/core-fixture';

const PASS = 'correct horse battery';
const CANARY = 'the heron flies at midnight over Lake Bled';
const ALLOWED = ['getAppInfo', 'getLockState', 'unlock', 'lockNow'];
let fake: FakeServer;
let t: CoreFixture;

beforeAll(async () => {
  fake = await startFake('ollama', { tokens: ['slow', ' and', ' steady', ' reply'], tokenDelayMs: 150, models: ['llama3.2:3b'] });
});
afterAll(() => fake.close());
beforeEach(async () => {
  t = await startCore();
});
afterEach(() => t.dispose());

async function conversationWithCanary() {
  const conn = await t.value('addConnection', { kind: 'ollama', name: 'Ollama', baseUrl: fake.origin });
  const conversation = await t.value('createConversation', {});
  const sent = await t.value('sendMessage', { conversationId: conversation.id, parentId: null, content: CANARY, model: { connectionId: conn.id, modelId: 'llama3.2:3b' } });
  return { conversation, sent };
}

describe('app lock', () => {
  test('no passphrase, no lock: lockNow does nothing and every call is served', async () => {
    expect(await t.value('getLockState', {})).toEqual({ enabled: false, locked: false, idleMinutes: 15 });
    expect((await t.value('lockNow', {})).locked).toBe(false);
    expect((await t.dispatch('listConversations', {})).ok).toBe(true);
  });

  test("while locked every contract call but the lock screen's is refused, and nothing of the conversations leaks", async () => {
    const { conversation, sent } = await conversationWithCanary();
    await t.streamEnd(sent.streamId);
    expect((await t.dispatch('setLockPassphrase', { passphrase: 'short' })).ok).toBe(false);
    await t.value('setLockPassphrase', { passphrase: PASS });
    expect(await t.value('lockNow', {})).toMatchObject({ enabled: true, locked: true });

    const refused: string[] = [];
    for (const name of CALL_NAMES.filter((n) => !ALLOWED.includes(n))) {
      // Valid or not, the request is never read: the lock answers first.
      for (const request of [{}, { id: conversation.id, conversationId: conversation.id, query: 'heron' }]) {
        const result = await t.dispatch(name as never, request as never);
        expect(result.ok, name).toBe(false);
        if (!result.ok) expect(result.error.kind, name).toBe('locked');
        expect(JSON.stringify(result)).not.toContain('heron');
      }
      refused.push(name);
    }
    expect(refused.length).toBe(CALL_NAMES.length - ALLOWED.length);
    const info = await t.dispatch('getAppInfo', {});
    expect(info.ok && JSON.stringify(info.value)).not.toContain('heron');

    await t.value('unlock', { passphrase: PASS });
    const back = await t.value('getConversation', { id: conversation.id });
    expect(back.messages[0]!.content).toBe(CANARY);
  });

  test('a reply streaming when the app locks is written whole, and is there after unlock', async () => {
    await t.value('setLockPassphrase', { passphrase: PASS });
    const { conversation, sent } = await conversationWithCanary();
    await t.value('lockNow', {});
    expect(await t.streamEnd(sent.streamId)).toMatchObject({ kind: 'finish' });
    await t.value('unlock', { passphrase: PASS });
    const reply = (await t.value('getConversation', { id: conversation.id })).messages.find((m) => m.id === sent.assistantMessageId);
    expect(reply).toMatchObject({ content: 'slow and steady reply', status: 'complete' });
  });

  test('a restart comes back locked', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'enclave-lock-'));
    try {
      const first = await startCore({ dataDir });
      await first.call('setLockPassphrase', { passphrase: PASS });
      await first.close();
      const second = await startCore({ dataDir });
      expect(await second.call('getLockState', {})).toMatchObject({ enabled: true, locked: true });
      expect(second.core.guard('listConversations')).toMatchObject({ kind: 'locked' });
      expect(second.core.guard('unlock')).toBeUndefined();
      await second.close();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  test('a wrong passphrase is refused, and the next try must wait', async () => {
    await t.value('setLockPassphrase', { passphrase: PASS });
    await t.value('lockNow', {});
    const wrong = await t.dispatch('unlock', { passphrase: 'not the passphrase' });
    expect(wrong.ok ? 'unlocked' : wrong.error.message).toBe('That passphrase is not right.');
    const tooSoon = await t.dispatch('unlock', { passphrase: PASS });
    expect(tooSoon.ok ? 'unlocked' : tooSoon.error.message).toMatch(/Too many wrong passphrases\. Try again in \d+ s/);
    expect((await t.value('getLockState', {})).locked).toBe(true);
    await new Promise((r) => setTimeout(r, 1100));
    expect((await t.value('unlock', { passphrase: PASS })).locked).toBe(false);
  });

  test('changing or removing the passphrase needs the current one; the settings file holds a verifier, never the passphrase', async () => {
    await t.value('setLockPassphrase', { passphrase: PASS });
    expect((await t.dispatch('setLockPassphrase', { passphrase: 'another passphrase', current: 'wrong one' })).ok).toBe(false);
    await new Promise((r) => setTimeout(r, 1100));
    await t.value('setLockPassphrase', { passphrase: 'another passphrase', current: PASS });
    const files = readdirSync(t.dataDir).filter((f) => f.endsWith('.json'));
    const text = files.map((f) => readFileSync(join(t.dataDir, f), 'utf8')).join('\n');
    expect(text).toContain('"kdf": "scrypt"');
    expect(text).not.toContain('another passphrase');
    expect(text).not.toContain(PASS);
    await t.value('disableLock', { current: 'another passphrase' });
    expect(await t.value('lockNow', {})).toMatchObject({ enabled: false, locked: false });
  });

  test('encrypted export: the file holds no plain text, and imports back only with its passphrase', async () => {
    const { sent } = await conversationWithCanary();
    await t.streamEnd(sent.streamId);
    const saved = await t.value('exportConversations', { format: 'json', branches: 'all', passphrase: PASS });
    expect(saved.path).toMatch(/\.enclave$/);
    const content = readFileSync(saved.path!, 'utf8');
    expect(looksLikeEncryptedArchive(content)).toBe(true);
    for (let i = 0; i + 8 <= CANARY.length; i += 4) expect(content).not.toContain(CANARY.slice(i, i + 8));

    const fresh = await startCore();
    try {
      const noPass = await fresh.dispatch('importConversations', { filename: 'x.enclave', content });
      expect(noPass.ok ? 'imported' : noPass.error.message).toMatch(/encrypted\. Enter its passphrase/);
      const badPass = await fresh.dispatch('importConversations', { filename: 'x.enclave', content, passphrase: 'wrong passphrase' });
      expect(badPass.ok ? 'imported' : badPass.error.message).toMatch(/passphrase is wrong/);
      expect(await fresh.value('listConversations', {})).toEqual([]);
      const summary = await fresh.value('importConversations', { filename: 'x.enclave', content, passphrase: PASS });
      expect(summary.conversations).toBe(1);
      const [c] = await fresh.value('listConversations', {});
      expect((await fresh.value('getConversation', { id: c!.id })).messages[0]!.content).toBe(CANARY);
    } finally {
      await fresh.dispose();
    }
  });
});
