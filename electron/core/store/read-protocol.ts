// Messages between the core thread and the read worker: one request, one reply, matched by id.
import type { ConversationBundle, SearchHit } from '../../../shared/types';
import type { LoadedConversation } from './read-queries';
import type { SearchQuery } from './search';
import type { StoreProblem } from './store-error';

export type ReadRequest =
  { op: 'search'; query: SearchQuery } | { op: 'getConversation'; id: string; limit?: number } | { op: 'exportBundles'; ids?: string[] } | { op: 'quickCheck' };

export interface ReadResults {
  search: SearchHit[];
  getConversation: LoadedConversation | undefined;
  exportBundles: ConversationBundle[];
  /** undefined: the file is sound; else what SQLite's quick_check found. */
  quickCheck: string | undefined;
}

export type WorkerFailure = { kind: 'store'; problem: StoreProblem } | { kind: 'other'; message: string };

export type ReadReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; failure: WorkerFailure };

export interface ReadWorkerData {
  path: string;
  /** The database key: crosses to the worker thread in memory only (structured clone). */
  key: Uint8Array;
  busyTimeoutMs: number;
}
