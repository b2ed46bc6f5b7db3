// Provider keys in the OS keychain (service "Enclave", account = connection id). If the keychain
// cannot be reached the vault refuses to store and says why: there is no file, env or plain-text
// fallback, by design. Keys never appear in errors; nothing here logs. The vault alone owns key
// hints (last 4 characters, when verified): nobody else reads or writes the hint store.
import { randomBytes } from 'node:crypto';
import type { KeyHint } from '../../../shared/types';
import { describeKeychainError, isLockedKeychainError, KEYCHAIN_LOCKED } from './keychain-errors';
import { createMemoryHintStore, lastFour, type HintStore } from './hint-store';
import { lazyKeytar, type KeytarLike } from './keytar-like';
import { VaultError } from './vault-error';

export const VAULT_SERVICE = 'Enclave';
const CANARY_ACCOUNT = '__enclave_probe__';
/** The conversation database's key: its own account, never a hint, never a connection id. */
const DATABASE_KEY_ACCOUNT = '__enclave_database_key__';
const MAX_KEY_LENGTH = 1000;
const MAX_ID_LENGTH = 100;

export interface KeychainStatus {
  available: boolean;
  reason?: string;
  /** There, but locked: unlocking it (and pressing Retry) is all it takes. */
  locked?: boolean;
}

export interface VaultOptions {
  service?: string;
  backend?: KeytarLike;
  /**
   * Where hints live. Required: a hint store that forgets across restarts would make a stored key
   * look absent (main and the harness keep them in settings; tests pass a memory store on purpose).
   */
  hints: HintStore;
  now?: () => number;
  platform?: NodeJS.Platform;
}

export interface Vault {
  /** Writes, reads back and deletes a canary entry. */
  probe(): Promise<KeychainStatus>;
  /** Stores a key; throws VaultError('keychain-unavailable') rather than store it anywhere else. */
  setKey(id: string, key: string): Promise<KeyHint>;
  /** Main-side only: the key never crosses IPC. */
  getKey(id: string): Promise<string | null>;
  deleteKey(id: string): Promise<boolean>;
  hint(id: string): Promise<KeyHint | null>;
  /** The hint as last recorded, without asking the keychain (which may prompt to unlock): for lists. */
  knownHint(id: string): KeyHint | null;
  /** The key for a turn or a listing, or undefined when none was stored (the keychain is not asked then). */
  keyFor(id: string): Promise<string | undefined>;
  markVerified(id: string, at?: number): Promise<KeyHint | null>;
  /** The database key as hex, or null when none was made yet. Main-side only. */
  getDatabaseKey(): Promise<string | null>;
  setDatabaseKey(hex: string): Promise<void>;
}

function checkId(id: string): void {
  if (id.length === 0 || id.length > MAX_ID_LENGTH || id === CANARY_ACCOUNT || id === DATABASE_KEY_ACCOUNT) {
    throw new VaultError('invalid-id', 'That connection id cannot hold a key.');
  }
}

function normalizeKey(key: string): string {
  const trimmed = key.trim();
  if (trimmed.length === 0) throw new VaultError('invalid-key', 'The key is empty.');
  if (trimmed.length > MAX_KEY_LENGTH) throw new VaultError('invalid-key', 'The key is too long to be an API key.');
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(trimmed)) {
    throw new VaultError('invalid-key', 'The key contains line breaks or control characters; paste it again.');
  }
  return trimmed;
}

export function createVault(opts: VaultOptions): Vault {
  const service = opts.service ?? VAULT_SERVICE;
  const hints = opts.hints;
  const now = opts.now ?? Date.now;
  const platform = opts.platform ?? process.platform;
  const injected = opts.backend;
  const loadBackend = injected ? () => injected : lazyKeytar();
  let status: KeychainStatus | undefined;
  let probing: Promise<KeychainStatus> | undefined;

  const unavailable = (err: unknown): VaultError => new VaultError(isLockedKeychainError(err) ? 'keychain-locked' : 'keychain-unavailable', describeKeychainError(err, platform));

  async function runProbe(): Promise<KeychainStatus> {
    const canary = randomBytes(12).toString('hex');
    try {
      const backend = loadBackend();
      await backend.setPassword(service, CANARY_ACCOUNT, canary);
      const read = await backend.getPassword(service, CANARY_ACCOUNT);
      await backend.deletePassword(service, CANARY_ACCOUNT);
      if (read !== canary) {
        return {
          available: false,
          reason: 'The keychain accepted a test entry but gave back something else, so Enclave will not trust it with keys.',
        };
      }
      return { available: true };
    } catch (err) {
      return { available: false, reason: describeKeychainError(err, platform), ...(isLockedKeychainError(err) ? { locked: true } : {}) };
    }
  }

  function probe(): Promise<KeychainStatus> {
    // Concurrent callers share one canary round trip instead of racing on the same account.
    probing ??= runProbe().then((result) => {
      status = result;
      probing = undefined;
      return result;
    });
    return probing;
  }

  /** The backend, once the keychain has been shown to work (re-probing after a failure). */
  async function usableBackend(): Promise<KeytarLike> {
    const current = status?.available ? status : await probe();
    if (!current.available) {
      throw new VaultError(current.locked ? 'keychain-locked' : 'keychain-unavailable', current.reason ?? describeKeychainError(undefined, platform));
    }
    return loadBackend();
  }

  /** Runs a keychain call; a failure marks the keychain unavailable and becomes a VaultError. */
  async function guarded<T>(op: (backend: KeytarLike) => Promise<T>): Promise<T> {
    const backend = await usableBackend();
    try {
      return await op(backend);
    } catch (err) {
      const error = unavailable(err);
      status = { available: false, reason: error.message, ...(error.kind === 'keychain-locked' ? { locked: true } : {}) };
      throw error;
    }
  }

  async function hint(id: string): Promise<KeyHint | null> {
    checkId(id);
    const stored = hints.get(id);
    if (stored) return { connectionId: id, ...stored };
    const key = await guarded((b) => b.getPassword(service, id));
    if (key === null) return null;
    hints.set(id, { last4: lastFour(key) });
    return { connectionId: id, last4: lastFour(key) };
  }

  const knownHint = (id: string): KeyHint | null => {
    const stored = hints.get(id);
    return stored ? { connectionId: id, ...stored } : null;
  };

  async function getKey(id: string): Promise<string | null> {
    checkId(id);
    const key = await guarded((b) => b.getPassword(service, id));
    if (key !== null || !hints.get(id)) return key;
    // A key we stored reads as missing: a locked keyring hides its items (gnome-keyring answers
    // "not found"), or someone deleted it outside Enclave. A fresh probe tells the two apart.
    const now = await probe();
    if (!now.available) throw new VaultError(now.locked ? 'keychain-locked' : 'keychain-unavailable', now.reason ?? KEYCHAIN_LOCKED);
    hints.delete(id);
    return null;
  }

  return {
    probe,
    knownHint,
    async keyFor(id) {
      if (!knownHint(id)) return undefined;
      return (await getKey(id)) ?? undefined;
    },
    async setKey(id, key) {
      checkId(id);
      const clean = normalizeKey(key);
      await guarded((b) => b.setPassword(service, id, clean));
      // A new key is unverified until a test call succeeds with it.
      hints.set(id, { last4: lastFour(clean) });
      return { connectionId: id, last4: lastFour(clean) };
    },
    getKey,
    async deleteKey(id) {
      checkId(id);
      const deleted = await guarded((b) => b.deletePassword(service, id));
      hints.delete(id);
      return deleted;
    },
    hint,
    getDatabaseKey: () => guarded((b) => b.getPassword(service, DATABASE_KEY_ACCOUNT)),
    async setDatabaseKey(hex) {
      await guarded((b) => b.setPassword(service, DATABASE_KEY_ACCOUNT, hex));
    },
    async markVerified(id, at = now()) {
      const current = await hint(id);
      if (!current) return null;
      hints.set(id, { last4: current.last4, verifiedAt: at });
      return { ...current, verifiedAt: at };
    },
  };
}

/** Startup's keychain check: a canary round trip, no keys and no hints involved. */
/** A vault for the database key alone (start-up): it never reads or writes key hints. */
export function keyOnlyVault(opts: Omit<VaultOptions, 'hints'> = {}): Vault {
  return createVault({ ...opts, hints: createMemoryHintStore() });
}

export function probeKeychain(opts: Omit<VaultOptions, 'hints'> = {}): Promise<KeychainStatus> {
  return keyOnlyVault(opts).probe();
}
