// Encryption at rest: changing the passphrase the database key comes from.
import type { DomainHandlers } from '../ipc/handlers';

export interface EncryptionHandlerDeps {
  /** Re-encrypts the database under the new passphrase (see store/change-passphrase.ts). */
  changePassphrase(current: string, next: string): Promise<void>;
}

export function encryptionHandlers({ changePassphrase }: EncryptionHandlerDeps): DomainHandlers<'encryption'> {
  return {
    changeDatabasePassphrase: async (req) => {
      await changePassphrase(req.current, req.next);
      return { changed: true as const };
    },
  };
}
