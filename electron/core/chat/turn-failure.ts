// What a turn that threw tells the user. A full disk and a locked keychain are the user's to fix,
// so they say how; anything else is a bug, reported as such with its message in the details.
import type { ChatError } from '../../../shared/types';
import { UserFacingError } from '../ipc/handlers';
import { StoreError } from '../store/store-error';

export function chatErrorFor(err: unknown): ChatError {
  if (err instanceof UserFacingError) return err.chatError;
  if (err instanceof StoreError && (err.problem.kind === 'disk-full' || err.problem.kind === 'read-only')) {
    return { kind: 'disk-full', message: err.message };
  }
  return { kind: 'unknown', message: 'The reply failed unexpectedly.', detail: err instanceof Error ? err.message : String(err) };
}

/** A write problem noticed mid-stream (a timed flush into a full disk) as the error that ends it. */
export function writeProblemError(problem: StoreError['problem'] | undefined): ChatError | undefined {
  return problem && (problem.kind === 'disk-full' || problem.kind === 'read-only') ? chatErrorFor(new StoreError(problem)) : undefined;
}
