// A database key that cannot be had (no keychain and no passphrase yet, a wrong one, a key gone
// from the keychain) as the start-up page's problem, instead of "an unexpected error".
import { DatabaseKeyError } from '../store/database-key';
import { StoreError } from '../store/store-error';
import type { StartupProblem } from './self-check';

export function databaseKeyProblem(error: unknown): StartupProblem | undefined {
  if (error instanceof StoreError && error.problem.kind === 'cannot-decrypt') {
    return {
      kind: 'database-key',
      blocking: true,
      title: 'Your conversations could not be decrypted',
      detail: error.message,
      fix: 'If you restored this folder from another computer, its key is in that computer’s keychain. The file was left as it was.',
    };
  }
  if (!(error instanceof DatabaseKeyError)) return undefined;
  const { problem } = error;
  switch (problem.kind) {
    case 'needs-passphrase':
    case 'wrong-passphrase':
    case 'weak-passphrase':
      // Main and the harness show the passphrase form for these (startup/passphrase-form.ts); this
      // page is only reached where no form can be shown.
      return {
        kind: 'database-key',
        blocking: true,
        title: 'Your conversations need a passphrase',
        detail: error.message,
        fix: 'Open Enclave again and enter the passphrase on its start-up page, or start it where the system keychain works (Keychain, Credential Manager, or a Secret Service such as GNOME Keyring or KWallet). Enclave never stores conversations unencrypted instead.',
      };
    case 'change-unfinished':
      return {
        kind: 'database-key',
        blocking: true,
        title: 'A change of passphrase did not finish',
        detail: error.message,
        fix: 'Open Enclave again and enter the other passphrase.',
      };
    case 'keychain-unavailable':
    case 'key-missing':
      return {
        kind: 'database-key',
        blocking: true,
        title: 'The key to your conversations is not available',
        detail: error.message,
        fix: 'Unlock or start the system keychain, then open Enclave again.',
      };
    default: {
      const unreachable: never = problem;
      return unreachable;
    }
  }
}

/** Why start-up stopped, for the start-up page: the key's problem, else a bug reported as such (never a blank window). */
export function startFailureProblem(error: unknown): StartupProblem {
  return (
    databaseKeyProblem(error) ?? {
      kind: 'unexpected',
      blocking: true,
      title: 'Enclave hit an unexpected error while starting',
      detail: error instanceof Error ? error.message : String(error),
      fix: 'Start Enclave again; if it keeps happening, report this message.',
    }
  );
}
