// The read worker's thread: its own read-only connection to the conversation database (WAL lets
// it read while the core thread writes), answering ReadRequests one at a time. Keyed like the
// writer's: the worker decrypts its own pages.
import { openDb } from './driver';
import { parentPort, workerData } from 'node:worker_threads';
import type { ReadReply, ReadRequest, ReadWorkerData, WorkerFailure } from './read-protocol';
import { createReadQueries } from './read-queries';
import { StoreError } from './store-error';
import { quickCheck } from './database';

const READ_CACHE_KIB = 64 * 1024;
const data = workerData as ReadWorkerData;
const db = openDb(data.path, { key: Buffer.from(data.key), readonly: true });
db.exec(`PRAGMA busy_timeout = ${Math.max(0, Math.floor(data.busyTimeoutMs))}`);
// Searches jump between the full-text index and the messages table; every page read from disk is
// also decrypted. A 64 MiB page cache (SQLite's default is 2 MiB) keeps what searches use hot.
db.exec(`PRAGMA cache_size = ${-READ_CACHE_KIB}`);
const queries = createReadQueries(db);

function answer(request: ReadRequest): unknown {
  switch (request.op) {
    case 'search':
      return queries.search(request.query);
    case 'getConversation':
      return queries.getConversation(request.id, request.limit);
    case 'exportBundles':
      return queries.exportBundles(request.ids);
    case 'quickCheck':
      return quickCheck(db);
    default: {
      const unreachable: never = request;
      throw new Error(`unknown read request ${JSON.stringify(unreachable)}`);
    }
  }
}

function failureOf(error: unknown): WorkerFailure {
  if (error instanceof StoreError) return { kind: 'store', problem: error.problem };
  return { kind: 'other', message: error instanceof Error ? error.message : String(error) };
}

parentPort?.on('message', (message: { id: number; request: ReadRequest } | 'close') => {
  if (message === 'close') {
    db.close();
    parentPort?.close();
    return;
  }
  let reply: ReadReply;
  try {
    reply = { id: message.id, ok: true, value: answer(message.request) };
  } catch (error) {
    reply = { id: message.id, ok: false, failure: failureOf(error) };
  }
  parentPort?.postMessage(reply);
});
