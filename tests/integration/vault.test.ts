// The vault against the real Secret Service (gnome-keyring under dbus-run-session), and a child
// process with no D-Bus session at all, which must refuse to store and write nothing.
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { promisify } from 'node:util';
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { createVault } from '../../electron/core/vault/vault';
import { createMemoryHintStore } from '../../electron/core/vault/hint-store';
import { VaultError } from '../../electron/core/vault/vault-error';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '../..');
const hasSession = Boolean(process.env.DBUS_SESSION_BUS_ADDRESS);

/** Every file under dir with its size: directories alone hold no data. */
function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((p) => !statSync(join(dir, p)).isDirectory())
    .map((p) => `${relative(dir, join(dir, p))} (${statSync(join(dir, p)).size} bytes)`)
    .sort();
}

describe.skipIf(!hasSession)('vault with a running Secret Service (run under dbus-run-session)', () => {
  // A service name of its own, so a run on a desktop never touches the user's real entries.
  const service = `Enclave-test-${randomUUID()}`;
  const vault = createVault({ hints: createMemoryHintStore(), service });
  const id = `conn-${randomUUID()}`;

  afterAll(async () => {
    await vault.deleteKey(id).catch(() => undefined);
  });

  it('reports the keychain as available', async () => {
    expect(await vault.probe()).toEqual({ available: true });
  });

  it('stores a key and reads the same key back', async () => {
    const hint = await vault.setKey(id, '  sk-test-0123456789abcd\n');
    expect(hint).toEqual({ connectionId: id, last4: 'abcd' });
    expect(await vault.getKey(id)).toBe('sk-test-0123456789abcd');
  });

  it('shows only the last four characters, also after a restart', async () => {
    expect(await vault.hint(id)).toEqual({ connectionId: id, last4: 'abcd' });
    // A fresh vault has no hints in memory and derives it from the keychain entry.
    expect(await createVault({ hints: createMemoryHintStore(), service }).hint(id)).toEqual({ connectionId: id, last4: 'abcd' });
  });

  it('remembers when a key was verified', async () => {
    const hint = await vault.markVerified(id, 1_700_000_000_000);
    expect(hint).toEqual({ connectionId: id, last4: 'abcd', verifiedAt: 1_700_000_000_000 });
    expect(await vault.hint(id)).toEqual(hint);
  });

  it('replaces a key and forgets the old hint and verification', async () => {
    await vault.setKey(id, 'sk-second-key-wxyz');
    expect(await vault.getKey(id)).toBe('sk-second-key-wxyz');
    expect(await vault.hint(id)).toEqual({ connectionId: id, last4: 'wxyz' });
  });

  it('deletes a key so it can no longer be read', async () => {
    expect(await vault.deleteKey(id)).toBe(true);
    expect(await vault.getKey(id)).toBeNull();
    expect(await vault.hint(id)).toBeNull();
    expect(await vault.deleteKey(id)).toBe(false);
  });

  it('refuses an empty key without touching the keychain', async () => {
    await expect(vault.setKey(id, '   ')).rejects.toMatchObject({ kind: 'invalid-key' });
    expect(await vault.getKey(id)).toBeNull();
  });
});

describe('vault without any keychain', () => {
  const home = mkdtempSync(join(tmpdir(), 'enclave-vault-home-'));
  const scriptDir = mkdtempSync(join(tmpdir(), 'enclave-vault-script-'));
  afterAll(() => {
    rmSync(home, { recursive: true, force: true });
    rmSync(scriptDir, { recursive: true, force: true });
  });

  it('refuses to store a key, says why, and writes nothing to disk', async () => {
    const script = join(scriptDir, 'probe.mts');
    writeFileSync(
      script,
      `import { createVault } from ${JSON.stringify(join(root, 'electron/core/vault/vault.ts'))};
import { createMemoryHintStore } from ${JSON.stringify(join(root, 'electron/core/vault/hint-store.ts'))};
const vault = createVault({ hints: createMemoryHintStore() });
const probe = await vault.probe();
let setKey: unknown = 'stored';
try {
  await vault.setKey('conn-1', 'sk-must-not-be-stored-1234');
} catch (err) {
  const e = err as { kind?: string; message?: string };
  setKey = { kind: e.kind, message: e.message };
}
console.log(JSON.stringify({ probe, setKey }));
`,
    );
    const before = files(home);
    // No session bus and no display: libsecret can neither find nor autolaunch D-Bus.
    const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: home, TMPDIR: scriptDir };
    const { stdout } = await run(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), script], {
      env,
      cwd: scriptDir,
    });
    const out = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as {
      probe: { available: boolean; reason?: string };
      setKey: { kind?: string; message?: string } | string;
    };

    expect(out.probe.available).toBe(false);
    expect(out.probe.reason).toBe('No Secret Service is running (gnome-keyring or KWallet). Start one, or use local models, which need no key.');
    expect(out.setKey).toEqual({ kind: 'keychain-unavailable', message: out.probe.reason });
    expect(stdout).not.toContain('sk-must-not-be-stored');
    // glib may create an empty ~/.cache on load; no file (no keyring, no key) may appear.
    expect(before).toEqual([]);
    expect(files(home)).toEqual([]);
  });

  it('reports the refusal as a VaultError a caller can switch on', async () => {
    const broken = createVault({
      hints: createMemoryHintStore(),
      service: 'Enclave-test-broken',
      backend: {
        getPassword: () => Promise.reject(new Error('Cannot autolaunch D-Bus without X11 $DISPLAY')),
        setPassword: () => Promise.reject(new Error('Cannot autolaunch D-Bus without X11 $DISPLAY')),
        deletePassword: () => Promise.reject(new Error('Cannot autolaunch D-Bus without X11 $DISPLAY')),
      },
      platform: 'linux',
    });
    const err: unknown = await broken.setKey('conn-1', 'sk-secret-9999').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(VaultError);
    expect((err as VaultError).kind).toBe('keychain-unavailable');
    expect(String(err)).not.toContain('sk-secret');
  });
});
