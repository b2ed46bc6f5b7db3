// What the user reads when the keychain fails (a sentence saying what is wrong and what to do,
// never the raw error), and how the vault behaves around its probe, with an injected keychain.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createConfSettings } from '../../electron/core/settings/conf-settings';
import { createSettingsHintStore } from '../../electron/core/vault/settings-hints';
import { describeKeychainError, NO_SECRET_SERVICE } from '../../electron/core/vault/keychain-errors';
import { KeytarLoadError } from '../../electron/core/vault/keytar-like';
import { createVault } from '../../electron/core/vault/vault';
import { createMemoryHintStore } from '../../electron/core/vault/hint-store';
import type { KeytarLike } from '../../electron/core/vault/keytar-like';

describe('keychain error messages', () => {
  it.each([
    ['Cannot autolaunch D-Bus without X11 $DISPLAY', NO_SECRET_SERVICE],
    ['The name org.freedesktop.secrets was not provided by any .service files', NO_SECRET_SERVICE],
    ['Object does not exist at path “/org/freedesktop/secrets/collection/login”', /no default collection/],
    ['Prompt dismissed', /prompt was dismissed/],
  ])('on Linux, "%s" becomes a human reason', (raw, expected) => {
    const reason = describeKeychainError(new Error(raw), 'linux');
    if (typeof expected === 'string') expect(reason).toBe(expected);
    else expect(reason).toMatch(expected);
    expect(reason).toMatch(/local models/);
  });

  it('names the macOS keychain when it is locked', () => {
    expect(describeKeychainError(new Error('User interaction is not allowed.'), 'darwin')).toMatch(/locked/);
    expect(describeKeychainError(new Error('???'), 'darwin')).toMatch(/macOS Keychain/);
  });

  it('explains a keychain module that will not load', () => {
    expect(describeKeychainError(new KeytarLoadError(new Error('invalid ELF header')), 'linux')).toMatch(/could not load its keychain module/);
  });

  it('never echoes the raw message', () => {
    expect(describeKeychainError(new Error('boom sk-leaked-1234'), 'win32')).not.toContain('sk-leaked');
  });
});

/** A keychain that works, but records every call, to show what the vault does with it. */
function memoryKeychain() {
  const entries = new Map<string, string>();
  const calls: string[] = [];
  const backend: KeytarLike = {
    async getPassword(s, a) {
      calls.push(`get ${a}`);
      return entries.get(`${s}/${a}`) ?? null;
    },
    async setPassword(s, a, p) {
      calls.push(`set ${a}`);
      entries.set(`${s}/${a}`, p);
    },
    async deletePassword(s, a) {
      calls.push(`delete ${a}`);
      return entries.delete(`${s}/${a}`);
    },
  };
  return { backend, entries, calls };
}

describe('vault behaviour around the probe', () => {
  it('leaves no canary behind and shares one probe between concurrent callers', async () => {
    const { backend, entries, calls } = memoryKeychain();
    const vault = createVault({ hints: createMemoryHintStore(), backend });
    const [a, b] = await Promise.all([vault.probe(), vault.probe()]);
    expect(a).toEqual({ available: true });
    expect(b).toEqual({ available: true });
    expect(calls.filter((c) => c.startsWith('set'))).toHaveLength(1);
    expect(entries.size).toBe(0);
  });

  it('refuses a keychain that returns something other than what was stored', async () => {
    const { backend } = memoryKeychain();
    const vault = createVault({ hints: createMemoryHintStore(), backend: { ...backend, getPassword: async () => 'tampered' } });
    expect(await vault.probe()).toMatchObject({ available: false, reason: expect.stringMatching(/will not trust/) });
    await expect(vault.setKey('c1', 'sk-abc-1234')).rejects.toMatchObject({ kind: 'keychain-unavailable' });
  });

  it('starts working once the keychain comes back', async () => {
    const { backend } = memoryKeychain();
    let up = false;
    const flaky: KeytarLike = {
      getPassword: (s, a) => (up ? backend.getPassword(s, a) : Promise.reject(new Error('Cannot autolaunch D-Bus'))),
      setPassword: (s, a, p) => (up ? backend.setPassword(s, a, p) : Promise.reject(new Error('Cannot autolaunch D-Bus'))),
      deletePassword: (s, a) => (up ? backend.deletePassword(s, a) : Promise.reject(new Error('Cannot autolaunch D-Bus'))),
    };
    const vault = createVault({ hints: createMemoryHintStore(), backend: flaky, platform: 'linux' });
    expect((await vault.probe()).available).toBe(false);
    await expect(vault.setKey('c1', 'sk-abc-1234')).rejects.toMatchObject({ kind: 'keychain-unavailable' });
    up = true;
    await expect(vault.setKey('c1', 'sk-abc-1234')).resolves.toEqual({ connectionId: 'c1', last4: '1234' });
    expect(await vault.getKey('c1')).toBe('sk-abc-1234');
  });

  it('does not let a connection id collide with the probe entry', async () => {
    const { backend } = memoryKeychain();
    await expect(createVault({ hints: createMemoryHintStore(), backend }).setKey('__enclave_probe__', 'sk-x-1234')).rejects.toMatchObject({ kind: 'invalid-id' });
  });
});

describe('key hints kept in settings', () => {
  it('shows last4 and verification after a restart without reading the keychain', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'enclave-hints-'));
    try {
      const { backend, calls } = memoryKeychain();
      const first = createVault({ backend, hints: createSettingsHintStore(createConfSettings({ cwd: dir })) });
      await first.setKey('c1', 'sk-abc-WXYZ');
      await first.markVerified('c1', 42);
      calls.length = 0;
      const settings = createConfSettings({ cwd: dir });
      const second = createVault({ backend, hints: createSettingsHintStore(settings) });
      expect(await second.hint('c1')).toEqual({ connectionId: 'c1', last4: 'WXYZ', verifiedAt: 42 });
      expect(calls).toEqual([]);
      await second.deleteKey('c1');
      expect(settings.get('keyHints')).toEqual({});
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the vault owns key hints', () => {
  it('a connection without a stored key costs no keychain read; one with a key gets it', async () => {
    const { backend, calls } = memoryKeychain();
    const vault = createVault({ backend, hints: createMemoryHintStore() });
    expect(await vault.keyFor('local-1')).toBeUndefined();
    expect(vault.knownHint('local-1')).toBeNull();
    expect(calls).toEqual([]);
    await vault.setKey('remote-1', 'sk-live-WXYZ');
    calls.length = 0;
    expect(vault.knownHint('remote-1')).toEqual({ connectionId: 'remote-1', last4: 'WXYZ' });
    expect(calls).toEqual([]);
    expect(await vault.keyFor('remote-1')).toBe('sk-live-WXYZ');
    expect(calls).toEqual(['get remote-1']);
  });
});
