// The start-up self-check against the real file system and the real encrypted SQLite: a healthy data
// folder passes and is left as it was; each problem is named with what to do.
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { acquireDataDirLock } from '../../electron/core/startup/data-dir-lock';
import { runSelfCheck } from '../../electron/core/startup/self-check';
import { prepareStartup } from '../../electron/core/startup/startup';
import { probeKeychain } from '../../electron/core/vault/vault';
import { memoryKeychain } from '../support/core-fixture';

const freshDir = () => mkdtempSync(join(tmpdir(), 'enclave-check-'));

describe('start-up self-check', () => {
  test('a healthy machine passes: SQLite with WAL and FTS5, a writable folder, space, a keychain', async () => {
    const dataDir = freshDir();
    const problems = await runSelfCheck({ dataDir, keychain: () => probeKeychain({ backend: memoryKeychain() }) });
    expect(problems).toEqual([]);
    expect(readdirSync(dataDir)).toEqual([]); // its scratch files are gone
  });

  test('a data folder that cannot be created stops start-up and names the folder', async () => {
    const parent = freshDir();
    writeFileSync(join(parent, 'not-a-folder'), 'x');
    const dataDir = join(parent, 'not-a-folder', 'Enclave');
    const problems = await runSelfCheck({ dataDir });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ kind: 'data-dir', blocking: true, title: 'Enclave cannot write to its data folder' });
    expect(problems[0]!.detail).toContain(dataDir);
    expect(problems[0]!.detail).toMatch(/ENOTDIR|not a directory/);
  });

  test('too little free disk space stops start-up with both figures', async () => {
    const problems = await runSelfCheck({ dataDir: freshDir(), minFreeBytes: Number.MAX_SAFE_INTEGER });
    expect(problems.map((p) => p.kind)).toEqual(['disk-space']);
    expect(problems[0]!.detail).toMatch(/Only \d+ MB free .* at least \d+ MB/);
    expect(problems[0]!.fix).toMatch(/Free some space/);
  });

  test('an encrypted SQLite addon that does not load gets a message naming the runtime, not a crash', async () => {
    const problems = await runSelfCheck({ dataDir: freshDir(), loadSqlite: () => import('better-sqlite3-not-here' as string) as never });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ kind: 'sqlite-missing', blocking: true, title: 'Enclave’s encrypted SQLite could not be loaded' });
    expect(problems[0]!.detail).toContain(process.versions.node);
    expect(problems[0]!.detail).toContain(`${process.platform}-${process.arch}`);
    expect(problems[0]!.fix).toMatch(/Reinstall Enclave/);
  });

  test('no keychain is a warning that lets the app start, with the reason', async () => {
    const broken = { ...memoryKeychain(), setPassword: async () => Promise.reject(new Error('Cannot autolaunch D-Bus without X11 $DISPLAY')) };
    const problems = await runSelfCheck({ dataDir: freshDir(), keychain: () => probeKeychain({ backend: broken, platform: 'linux' }) });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ kind: 'keychain', blocking: false });
    expect(problems[0]!.fix).toMatch(/Local models work without it/);
  });

  test('a keychain that never answers (a locked keyring waiting on a prompt) times out instead of hanging', async () => {
    const started = Date.now();
    const problems = await runSelfCheck({ dataDir: freshDir(), keychain: () => new Promise(() => undefined), keychainTimeoutMs: 300 });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(problems[0]).toMatchObject({ kind: 'keychain', blocking: false });
    expect(problems[0]!.detail).toMatch(/did not answer within 0.3 s/);
  });

  test('start-up is refused while another engine holds the folder, and allowed after it lets go', async () => {
    const dataDir = freshDir();
    const first = acquireDataDirLock(dataDir);
    const refused = await prepareStartup({ dataDir });
    expect(refused.kind).toBe('refused');
    if (refused.kind === 'refused') expect(refused.problems[0]).toMatchObject({ kind: 'locked', title: 'Enclave is already running with this data folder' });
    first.release();
    const ready = await prepareStartup({ dataDir });
    expect(ready.kind).toBe('ready');
    if (ready.kind === 'ready') ready.lock.release();
  });
});
