// Failures of the vault as values with a kind, so callers map them onto ChatError without
// parsing messages. Messages are written for people and never contain a key.

export type VaultErrorKind = 'keychain-unavailable' | 'keychain-locked' | 'invalid-key' | 'invalid-id';

export class VaultError extends Error {
  constructor(
    readonly kind: VaultErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'VaultError';
  }
}

export function isVaultError(err: unknown): err is VaultError {
  return err instanceof VaultError;
}
