// Two engines on one data folder: the second launch (a real harness process, as a user's second
// `npm start` would be) is refused with a clear message, and the first one's live reply and
// settings are untouched. A lock left by a killed process does not block the next start.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { acquireDataDirLock, DataDirLockedError, LOCK_FILE } from '../../electron/core/startup/data-dir-lock';
import { startFake, type FakeServer } from '../fakes/index';
import { startCore, type CoreFixture } from '../support/core-fixture';

let fixture: CoreFixture | undefined;
let fake: FakeServer | undefined;
afterEach(async () => {
  await fixture?.close();
  await fake?.close();
  fixture = fake = undefined;
});

/** Runs the harness on `dataDir` until it says it could not start, then stops it; returns its output. */
function secondLaunch(dataDir: string): Promise<string> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'harness/server.ts', '--data-dir', dataDir], {
    env: { ...process.env, ENCLAVE_KEYCHAIN_SERVICE: 'Enclave-test', ENCLAVE_RENDERER_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`second launch never said whether it started:\n${out}`));
    }, 60_000);
    const collect = (d: Buffer) => {
      out += d.toString();
      if (/This link shows the same|is running/.test(out)) child.kill('SIGTERM');
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('exit', () => {
      clearTimeout(timer);
      resolve(out);
    });
  });
}

describe('one engine per data folder', () => {
  test('a second launch is refused while the first streams, and the first one loses nothing', { timeout: 90_000 }, async () => {
    // The reply streams five pieces and then stays open (a model still thinking), so the second
    // launch happens mid-stream however slow the machine is.
    const pieces = ['One ', 'two ', 'three ', 'four ', 'five '];
    fake = await startFake('ollama', { tokens: [...pieces, 'never sent'], stallAfter: pieces.length });
    fixture = await startCore();
    const conn = await fixture.call('addConnection', { kind: 'ollama', name: 'Local', baseUrl: fake.origin });
    await fixture.call('updatePreferences', { theme: 'dark' });
    const settingsPath = join(fixture.dataDir, 'settings.json');
    const settingsBefore = readFileSync(settingsPath, 'utf8');
    expect(settingsBefore).toContain(conn.id);
    const conv = await fixture.call('createConversation', {});
    const sent = await fixture.call('sendMessage', { conversationId: conv.id, parentId: null, content: 'Hi', model: { connectionId: conn.id, modelId: 'm1' } });
    const reply = async () => (await fixture!.call('getConversation', { id: conv.id })).messages.find((m) => m.id === sent.assistantMessageId)!;
    await expect.poll(async () => (await reply()).content, { timeout: 20_000 }).toBe(pieces.join(''));

    const out = await secondLaunch(fixture.dataDir);
    expect(out).toContain('Enclave is already running with this data folder');
    expect(out).toContain(`Process ${process.pid}`);
    expect(out).toContain('could not start');

    // Still live, not marked interrupted by the second launch; settings byte for byte the same.
    expect(await reply()).toMatchObject({ status: 'streaming', content: pieces.join('') });
    expect(fixture.events.some((e) => e.streamId === sent.streamId && (e.kind === 'finish' || e.kind === 'error'))).toBe(false);
    expect(readFileSync(settingsPath, 'utf8')).toBe(settingsBefore);
    expect((await fixture.call('listConnections', {})).map((c) => c.id)).toContain(conn.id);

    // And the first one carries on normally: the user stops the reply and keeps its text.
    await fixture.call('stopStream', { streamId: sent.streamId });
    await fixture.streamEnd(sent.streamId);
    expect((await reply()).content).toBe(pieces.join(''));
  });

  test('a second engine in the same process is refused too, naming the owner', async () => {
    fixture = await startCore();
    expect(() => acquireDataDirLock(fixture!.dataDir)).toThrow(DataDirLockedError);
    await fixture.close();
    // Released on close: the next start takes it.
    const again = acquireDataDirLock(fixture.dataDir);
    again.release();
    fixture = undefined;
  });

  test('a lock left by a process that died is stale and taken over', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'enclave-lock-'));
    const dead = spawn(process.execPath, ['-e', '0']);
    const deadPid = await new Promise<number>((resolve) => dead.on('exit', () => resolve(dead.pid!)));
    writeFileSync(join(dataDir, LOCK_FILE), JSON.stringify({ pid: deadPid, host: (await import('node:os')).hostname(), since: 1 }));
    fixture = await startCore({ dataDir });
    const owner = JSON.parse(readFileSync(join(dataDir, LOCK_FILE), 'utf8')) as { pid: number };
    expect(owner.pid).toBe(process.pid);
  });

  test('a half-written lock file (a crash while writing it) does not block start-up', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'enclave-lock-'));
    writeFileSync(join(dataDir, LOCK_FILE), '{"pid": 12');
    fixture = await startCore({ dataDir });
    await fixture.close();
    expect(existsSync(join(dataDir, LOCK_FILE))).toBe(false);
    fixture = undefined;
  });
});
