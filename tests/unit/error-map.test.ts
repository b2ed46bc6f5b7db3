import { DatabaseKeyError } from '../../electron/core/store/database-key';
import { PlaintextDatabaseError } from '../../electron/core/store/driver';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { EngineError } from '../../electron/core/builtin/llama-engine';
import { ArchiveError } from '../../electron/core/crypto/archive';
import { EgressRefusedError } from '../../electron/core/egress/egress-error';
import { MAPPED_ERROR_NAMES } from '../../electron/core/errors/error-map';
import { UserFacingError } from '../../electron/core/errors/user-facing-error';
import { dispatch } from '../../electron/core/ipc/dispatch';
import type { Handlers } from '../../electron/core/ipc/handlers';
import { SettingsError } from '../../electron/core/settings/settings-error';
import { SettingsFileError } from '../../electron/core/settings/settings-file';
import { DataDirLockedError } from '../../electron/core/startup/data-dir-lock';
import { BundleImportError, StoreError } from '../../electron/core/store/store-error';
import { KeytarLoadError } from '../../electron/core/vault/keytar-like';
import { VaultError } from '../../electron/core/vault/vault-error';
import type { ChatErrorKind } from '../../shared/types';

const GENERIC = 'Something went wrong inside Enclave. Details are in the log.';

/** Runs a contract call whose handler throws `err`, as a user clicking would. */
async function failWith(err: unknown) {
  const logs: string[] = [];
  const handlers = new Proxy({} as Handlers, {
    get: () => async () => {
      throw err;
    },
  });
  const result = await dispatch(handlers, 'listConversations', {}, (m) => logs.push(m));
  if (result.ok) throw new Error('the call should have failed');
  return { error: result.error, logs };
}

const cases: [string, Error, ChatErrorKind, RegExp][] = [
  ['UserFacingError', new UserFacingError({ kind: 'not-allowed', message: 'That connection no longer exists.' }), 'not-allowed', /no longer exists/],
  ['StoreError (disk full)', new StoreError({ kind: 'disk-full', freeMb: 3 }), 'disk-full', /disk is full — 3 MB free/],
  ['StoreError (read-only)', new StoreError({ kind: 'read-only', freeMb: 1 }), 'disk-full', /read-only/],
  ['StoreError (not found)', new StoreError({ kind: 'not-found', entity: 'conversation', id: 'c1' }), 'bad-request', /No conversation with id c1/],
  ['StoreError (newer schema)', new StoreError({ kind: 'newer-schema', found: 99, supported: 12 }), 'unknown', /Update Enclave/],
  ['BundleImportError', new BundleImportError({ kind: 'duplicate-message', bundle: 0, messageId: 'm1' }), 'bad-request', /repeats message id m1. Nothing was imported/],
  ['VaultError (locked)', new VaultError('keychain-locked', 'Your keychain is locked.'), 'keychain-locked', /keychain is locked/],
  ['VaultError (bad key)', new VaultError('invalid-key', 'The key is empty.'), 'bad-request', /key is empty/],
  ['KeytarLoadError', new KeytarLoadError(new Error('no libsecret')), 'keychain-unavailable', /keytar/],
  ['SettingsError', new SettingsError('invalid-setting', 'theme', 'Invalid value for "theme".'), 'bad-request', /Invalid value for "theme"/],
  ['SettingsFileError', new SettingsFileError('The settings file is a folder.'), 'unknown', /settings file is a folder/],
  ['ArchiveError (opening)', new ArchiveError('wrong-passphrase', 'The passphrase is wrong.'), 'bad-request', /^Nothing was imported: The passphrase is wrong/],
  ['ArchiveError (sealing)', new ArchiveError('weak-passphrase', 'Use a passphrase of at least 8 characters.'), 'bad-request', /^Use a passphrase/],
  ['EngineError', new EngineError('The built-in engine stopped.'), 'server', /built-in engine stopped/],
  ['EgressRefusedError', new EgressRefusedError('offline', 'Enclave is offline.'), 'offline', /offline/],
  ['DataDirLockedError', new DataDirLockedError('/data', { pid: 42 } as never), 'unknown', /process 42/],
  ['StoreError (cannot decrypt)', new StoreError({ kind: 'cannot-decrypt', path: '/data/enclave.sqlite' }), 'unknown', /could not decrypt/],
  [
    'DatabaseKeyError (keychain)',
    new DatabaseKeyError({ kind: 'keychain-unavailable', reason: 'no Secret Service' }),
    'keychain-unavailable',
    /cannot be reached \(no Secret Service\)/,
  ],
  ['DatabaseKeyError (passphrase)', new DatabaseKeyError({ kind: 'wrong-passphrase' }), 'bad-request', /does not open your conversation database/],
  ['PlaintextDatabaseError', new PlaintextDatabaseError('/data/enclave.sqlite'), 'unknown', /unencrypted SQLite database\. Enclave encrypts it/],
];

describe('every domain error reaches the user in its own words through dispatch', () => {
  test.each(cases)('%s', async (_name, err, kind, message) => {
    const { error, logs } = await failWith(err);
    expect(error.kind).toBe('failed');
    expect(error.message).toMatch(message);
    expect(error.message).not.toBe(GENERIC);
    expect(error.chatError?.kind).toBe(kind);
    expect(logs).toEqual([]);
  });

  test('a bug still reads as a bug, and its stack goes to the log only', async () => {
    const { error, logs } = await failWith(new TypeError('x is undefined'));
    expect(error).toEqual({ kind: 'failed', message: GENERIC });
    expect(logs.join()).toContain('x is undefined');
  });
});

function errorClassesIn(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .flatMap((f) => [...readFileSync(join(dir, f), 'utf8').matchAll(/class (\w+) extends Error\b/g)].map((m) => m[1]!));
}

test('the error map lists every error class the engine defines, so none falls through as a bug', () => {
  const defined = [...errorClassesIn('electron/core'), ...errorClassesIn('shared')].sort();
  expect(defined.length).toBeGreaterThan(5);
  expect([...MAPPED_ERROR_NAMES].sort()).toEqual(defined);
  expect(new Set(cases.map(([name]) => name.split(' ')[0]))).toEqual(new Set(defined));
});
