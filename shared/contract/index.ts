// The IPC contract: every call between renderer and main, with its request schema and response
// type, declared by domain in this folder and merged here. Main validates each request against
// `request` before the handler runs. The same contract is served over Electron IPC
// (electron/main/ipc.ts) and over HTTP in the browser harness (harness/server.ts).
import type { z } from 'zod';
import type { ChatError, StreamEvent } from '../types';
import { appCalls } from './app';
import { builtinCalls } from './builtin';
import { chatCalls } from './chat';
import { connectionCalls } from './connections';
import { conversationCalls } from './conversations';
import { encryptionCalls } from './encryption';
import { lockCalls } from './lock';
import { privacyCalls } from './privacy';
import { settingsCalls } from './settings';
import { transferCalls } from './transfer';

export type { AppInfo } from './app';
export type { BuiltinModelList } from './builtin';
export type { CompareResult, SendResult } from './chat';
export type { ConnectionTestResult, DiscoveredServer, ModelListResult, ProbeLocalServerResult } from './connections';
export type { LockState } from './lock';
export type { ImportStatus, ImportSummary, SavedFile } from './transfer';

/** Every call by domain; the handlers in electron/core/handlers/ follow the same split. */
export const domains = {
  app: appCalls,
  lock: lockCalls,
  encryption: encryptionCalls,
  connections: connectionCalls,
  builtin: builtinCalls,
  conversations: conversationCalls,
  chat: chatCalls,
  privacy: privacyCalls,
  transfer: transferCalls,
  settings: settingsCalls,
} as const;

export const contract = {
  ...appCalls,
  ...lockCalls,
  ...encryptionCalls,
  ...connectionCalls,
  ...builtinCalls,
  ...conversationCalls,
  ...chatCalls,
  ...privacyCalls,
  ...transferCalls,
  ...settingsCalls,
} as const;

export type Contract = typeof contract;
export type CallName = keyof Contract;
export type CallRequest<N extends CallName> = z.input<Contract[N]['request']>;
export type CallResponse<N extends CallName> = Contract[N]['response'];
/** The calls of one domain, e.g. `DomainCalls<'lock'>` = 'getLockState' | 'lockNow' | … */
export type DomainCalls<D extends keyof typeof domains> = keyof (typeof domains)[D] & CallName;

export const CALL_NAMES = Object.keys(contract) as CallName[];

/** What a handler resolves to on the wire: a value or a typed error, never a throw. */
export type CallResult<T> = { ok: true; value: T } | { ok: false; error: IpcError };

export interface IpcError {
  kind: 'invalid-request' | 'unknown-call' | 'forbidden' | 'failed' | 'locked';
  message: string;
  chatError?: ChatError;
}

/** The renderer's view of the bridge: one named function per call, plus stream events. */
export type EnclaveApi = {
  [N in CallName]: (request: CallRequest<N>) => Promise<CallResult<CallResponse<N>>>;
} & {
  onStreamEvents(listener: (events: StreamEvent[]) => void): () => void;
};
