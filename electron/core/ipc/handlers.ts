import type { z } from 'zod';
import type { CallName, CallResponse, Contract, DomainCalls, domains } from '../../../shared/contract';

export type CallInput<N extends CallName> = z.output<Contract[N]['request']>;

/** One async function per contract entry: the engine's whole public surface. */
export type Handlers = { [N in CallName]: (request: CallInput<N>) => Promise<CallResponse<N>> };

/** The handlers of one contract domain (shared/contract/<domain>.ts). */
export type DomainHandlers<D extends keyof typeof domains> = Pick<Handlers, DomainCalls<D>>;
