// What a turn that threw tells the user. A domain error (a full disk, a locked keychain) is the
// user's to fix, in the words errors/error-map.ts gives it; anything else is a bug, reported as
// such with its message in the details.
import type { ChatError } from '../../../shared/types';
import { toChatError } from '../errors/error-map';
import { StoreError } from '../store/store-error';

export function chatErrorFor(err: unknown): ChatError {
  const mapped = toChatError(err);
  if (mapped) return mapped;
  return { kind: 'unknown', message: 'The reply failed unexpectedly.', detail: err instanceof Error ? err.message : String(err) };
}

/** A write problem noticed mid-stream (a timed flush into a full disk) as the error that ends it. */
export function writeProblemError(problem: StoreError['problem'] | undefined): ChatError | undefined {
  return problem && (problem.kind === 'disk-full' || problem.kind === 'read-only') ? chatErrorFor(new StoreError(problem)) : undefined;
}
