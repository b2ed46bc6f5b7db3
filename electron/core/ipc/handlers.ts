import type { z } from 'zod';
import type { CallName, CallResponse, Contract } from '../../../shared/contract';
import type { ChatError } from '../../../shared/types';

export type CallInput<N extends CallName> = z.output<Contract[N]['request']>;

/** One async function per contract entry: the engine's whole public surface. */
export type Handlers = { [N in CallName]: (request: CallInput<N>) => Promise<CallResponse<N>> };

/** A failure the user should read; its ChatError travels to the renderer as a value. */
export class UserFacingError extends Error {
  constructor(readonly chatError: ChatError) {
    super(chatError.message);
    this.name = 'UserFacingError';
  }
}
