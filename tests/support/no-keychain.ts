// A machine without a Secret Service, as keytar meets it on Linux: the database key must come from
// a passphrase. Plus fresh data folders, removed after the file's tests.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { keyOnlyVault, type Vault } from '../../electron/core/vault/vault';
import { memoryKeychain } from './core-fixture';

export function noKeychainVault(): Vault {
  return keyOnlyVault({
    backend: { ...memoryKeychain(), setPassword: () => Promise.reject(new Error('The name org.freedesktop.secrets was not provided by any .service files')) },
    platform: 'linux',
  });
}

/** Returns a maker of fresh folders named `prefix…`; every one is deleted after the file's tests. */
export function useTempDirs(prefix: string): () => string {
  const dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });
  return () => {
    const d = mkdtempSync(join(tmpdir(), prefix));
    dirs.push(d);
    return d;
  };
}
