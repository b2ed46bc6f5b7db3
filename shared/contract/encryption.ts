// Encryption at rest: the conversation database's key, where the user holds it (a passphrase).
import { z } from 'zod';
import { call } from './define';

export const encryptionCalls = {
  /** Passphrase-protected data folders only: re-encrypts the database under a new passphrase. */
  changeDatabasePassphrase: call<{ changed: true }>()(z.object({ current: z.string().min(1).max(1024), next: z.string().min(1).max(1024) }).strict()),
} as const;
