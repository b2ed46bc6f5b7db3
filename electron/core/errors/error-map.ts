// The one place a domain error becomes words the user can act on. Every error class the engine
// throws on purpose is listed here; tests/unit/error-map.test.ts fails when a new one is not.
// Anything else is a bug: dispatch logs it and says so.
import type { ChatError } from '../../../shared/types';
import { EngineError } from '../builtin/llama-engine';
import { ArchiveError } from '../crypto/archive';
import { EgressRefusedError } from '../egress/egress-error';
import { SettingsError } from '../settings/settings-error';
import { SettingsFileError } from '../settings/settings-file';
import { DataDirLockedError } from '../startup/data-dir-lock';
import { DatabaseKeyError } from '../store/database-key';
import { PlaintextDatabaseError } from '../store/driver';
import { BundleImportError, StoreError } from '../store/store-error';
import { KeytarLoadError } from '../vault/keytar-like';
import { VaultError } from '../vault/vault-error';
import { UserFacingError } from './user-facing-error';

interface Mapping {
  name: string;
  /** The user's words when `err` is of this class; undefined when it is not. */
  map(err: unknown): ChatError | undefined;
}

const mapping = <E extends Error>(type: abstract new (...args: never[]) => E, toChatError: (err: E) => ChatError): Mapping => ({
  name: type.name,
  map: (err) => (err instanceof type ? toChatError(err) : undefined),
});

function storeChatError(err: StoreError): ChatError {
  switch (err.problem.kind) {
    case 'disk-full':
    case 'read-only':
      return { kind: 'disk-full', message: err.message };
    case 'not-found':
      return { kind: 'bad-request', message: err.message };
    case 'newer-schema':
    case 'cannot-decrypt':
      return { kind: 'unknown', message: err.message };
    default: {
      const unreachable: never = err.problem;
      return unreachable;
    }
  }
}

function vaultChatError(err: VaultError): ChatError {
  const kind = err.kind === 'keychain-unavailable' || err.kind === 'keychain-locked' ? err.kind : 'bad-request';
  return { kind, message: err.message };
}

// Only an export seals an archive (a weak passphrase); every other reason comes from opening one.
const archiveChatError = (err: ArchiveError): ChatError => ({
  kind: 'bad-request',
  message: err.reason === 'weak-passphrase' ? err.message : `Nothing was imported: ${err.message}`,
});

const egressChatError = (err: EgressRefusedError): ChatError => ({
  kind: err.reason === 'offline' ? 'offline' : err.reason === 'not-allowed' ? 'not-allowed' : 'bad-request',
  message: err.message,
});

const DOMAIN_ERRORS: readonly Mapping[] = [
  mapping(UserFacingError, (err) => err.chatError),
  mapping(StoreError, storeChatError),
  mapping(BundleImportError, (err) => ({ kind: 'bad-request', message: err.message })),
  mapping(VaultError, vaultChatError),
  mapping(KeytarLoadError, (err) => ({ kind: 'keychain-unavailable', message: err.message })),
  mapping(SettingsError, (err) => ({ kind: 'bad-request', message: err.message })),
  mapping(SettingsFileError, (err) => ({ kind: 'unknown', message: err.message })),
  mapping(ArchiveError, archiveChatError),
  mapping(EngineError, (err) => ({ kind: 'server', message: err.message || 'The built-in engine failed.' })),
  mapping(EgressRefusedError, egressChatError),
  mapping(DataDirLockedError, (err) => ({ kind: 'unknown', message: err.message })),
  mapping(DatabaseKeyError, (err) => ({
    kind:
      err.problem.kind === 'keychain-unavailable'
        ? 'keychain-unavailable'
        : err.problem.kind === 'wrong-passphrase' || err.problem.kind === 'weak-passphrase'
          ? 'bad-request'
          : 'unknown',
    message: err.message,
  })),
  // Start-up encrypts an old unencrypted database before anything reads it; reaching a call means it could not.
  mapping(PlaintextDatabaseError, (err) => ({ kind: 'unknown', message: `${err.message} Enclave encrypts it when it starts; restart Enclave to finish that.` })),
];

/** The class names mapped above, for the test that proves no domain error is missing. */
export const MAPPED_ERROR_NAMES: readonly string[] = DOMAIN_ERRORS.map((m) => m.name);

/** The user's words for a domain error; undefined for anything else (a bug). */
export function toChatError(err: unknown): ChatError | undefined {
  for (const m of DOMAIN_ERRORS) {
    const mapped = m.map(err);
    if (mapped) return mapped;
  }
  return undefined;
}
