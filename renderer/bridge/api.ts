// The renderer's only door to the world: window.enclave, unwrapped into values or typed errors.
import type { CallName, CallRequest, CallResponse, CallResult, IpcError } from '../../shared/contract';
import { useLock } from '../state/lock-store';

export class ApiError extends Error {
  constructor(readonly error: IpcError) {
    super(error.chatError?.message ?? error.message);
    this.name = 'ApiError';
  }
}

export async function call<N extends CallName>(name: N, request: CallRequest<N>): Promise<CallResponse<N>> {
  const fn = window.enclave[name] as unknown as (r: CallRequest<N>) => Promise<CallResult<CallResponse<N>>>;
  const result = await fn(request);
  if (!result.ok) {
    if (result.error.kind === 'locked') useLock.getState().markLocked();
    throw new ApiError(result.error);
  }
  return result.value;
}

export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
