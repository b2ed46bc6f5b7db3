// The core thread's side of the read worker: search, conversation loading and exports run on
// another thread with its own read-only connection, so a slow query never delays the thread that
// persists streams. A worker that dies is replaced; what it was answering is asked again once.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';
import type { DatabaseKey } from './driver';
import type { ReadReply, ReadRequest, ReadResults, ReadWorkerData, WorkerFailure } from './read-protocol';
import type { SearchQuery } from './search';
import { StoreError } from './store-error';

export type SpawnWorker = (script: URL, options: WorkerOptions) => Worker;

export interface ReadWorkerOptions {
  /** The database file the core thread writes (WAL mode). */
  path: string;
  /** The same key the core thread opened the database with. */
  key: DatabaseKey;
  busyTimeoutMs?: number;
  /** Starts the thread; tests pass one that keeps a handle so they can kill it. */
  spawn?: SpawnWorker;
  /** Something worth knowing happened (the worker died and was restarted). */
  log?: (message: string) => void;
}

export type ReadWorker = ReturnType<typeof createReadWorker>;

interface Pending {
  request: ReadRequest;
  resolve(value: unknown): void;
  reject(error: Error): void;
  retried: boolean;
}

/**
 * The built entry sits next to the bundle that imports this file (dist-electron, dist-harness);
 * from source, the TypeScript entry runs through tsx like the rest of the dev tools.
 */
function workerScript(): { script: URL; execArgv?: string[] } {
  const built = new URL('./read-worker.js', import.meta.url);
  // Packaged: electron-builder unpacks the worker next to the archive (asarUnpack).
  const unpacked = new URL(built.href.replace('/app.asar/', '/app.asar.unpacked/'));
  if (unpacked.href !== built.href && existsSync(fileURLToPath(unpacked))) return { script: unpacked };
  if (existsSync(fileURLToPath(built))) return { script: built };
  const source = new URL('./read-worker-entry.ts', import.meta.url);
  const hasTsx = process.execArgv.some((arg) => arg.includes('tsx'));
  return { script: source, execArgv: hasTsx ? process.execArgv : [...process.execArgv, '--import', 'tsx'] };
}

function toError(failure: WorkerFailure): Error {
  return failure.kind === 'store' ? new StoreError(failure.problem) : new Error(failure.message);
}

/** One thread with its own read connection, answering requests in order; restarted if it dies. */
function createReadThread(options: ReadWorkerOptions) {
  const spawn: SpawnWorker = options.spawn ?? ((script, opts) => new Worker(script, opts));
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let worker: Worker | undefined;
  let closing: Promise<void> | undefined;

  const start = (): Worker => {
    const { script, execArgv } = workerScript();
    const data: ReadWorkerData = { path: options.path, key: new Uint8Array(options.key), busyTimeoutMs: options.busyTimeoutMs ?? 5000 };
    const w = spawn(script, { workerData: data, ...(execArgv ? { execArgv } : {}) });
    w.on('message', (reply: ReadReply) => {
      const p = pending.get(reply.id);
      if (!p) return;
      pending.delete(reply.id);
      if (pending.size === 0) w.unref();
      if (reply.ok) p.resolve(reply.value);
      else p.reject(toError(reply.failure));
    });
    // An uncaught error is followed by 'exit'; the exit handler does the recovery.
    w.on('error', (error) => options.log?.(`The search and loading thread failed: ${error.message}`));
    w.on('exit', (code) => {
      if (worker !== w) return;
      worker = undefined;
      if (closing) {
        for (const p of pending.values()) p.reject(new Error('The conversation store closed before this request was answered.'));
        pending.clear();
        return;
      }
      options.log?.(`The search and loading thread stopped (code ${code}); starting a new one.`);
      const orphans = [...pending.entries()];
      for (const [id, p] of orphans) {
        // Asked twice and killed the thread twice: this request is the problem, not bad luck.
        if (p.retried) {
          pending.delete(id);
          p.reject(new Error('The search and loading thread stopped twice while answering this request.'));
        } else p.retried = true;
      }
      if (pending.size > 0) {
        const next = start();
        for (const [id, p] of pending) next.postMessage({ id, request: p.request });
      }
    });
    worker = w;
    return w;
  };

  function ask<K extends ReadRequest['op']>(request: Extract<ReadRequest, { op: K }>): Promise<ReadResults[K]> {
    if (closing) return Promise.reject(new Error('The conversation store is closed.'));
    const w = worker ?? start();
    const id = nextId++;
    return new Promise<ReadResults[K]>((resolve, reject) => {
      pending.set(id, { request, resolve: resolve as (v: unknown) => void, reject, retried: false });
      w.ref();
      w.postMessage({ id, request });
    });
  }

  start().unref();

  return {
    ask,
    /** Lets running requests finish, then closes the read connection and ends the thread. */
    close(): Promise<void> {
      closing ??= (async () => {
        const w = worker;
        await Promise.allSettled(
          [...pending.values()].map(
            (p) =>
              new Promise<void>((done) => {
                const { resolve, reject } = p;
                p.resolve = (v) => {
                  resolve(v);
                  done();
                };
                p.reject = (e) => {
                  reject(e);
                  done();
                };
              }),
          ),
        );
        if (!w) return;
        const exited = new Promise<void>((done) => w.once('exit', () => done()));
        w.postMessage('close');
        const timer = setTimeout(() => void w.terminate(), 2000);
        await exited;
        clearTimeout(timer);
      })();
      return closing;
    },
    /** Ends the thread now: what it was answering fails as closed. */
    abort(): Promise<void> {
      closing ??= (async () => {
        const w = worker;
        if (!w) return;
        const exited = new Promise<void>((done) => w.once('exit', () => done()));
        void w.terminate();
        await exited;
      })();
      return closing;
    },
  };
}

export function createReadWorker(options: ReadWorkerOptions) {
  const reader = createReadThread(options);
  const checks = new Set<ReturnType<typeof createReadThread>>();
  let closed = false;
  return {
    search: (query: SearchQuery) => reader.ask({ op: 'search', query }),
    /** With `limit`, the current branch's newest messages first (see read-queries). */
    getConversation: (id: string, limit?: number) => reader.ask({ op: 'getConversation', id, ...(limit !== undefined ? { limit } : {}) }),
    exportBundles: (ids?: string[]) => reader.ask({ op: 'exportBundles', ...(ids ? { ids } : {}) }),
    /**
     * SQLite's quick_check, off the core thread and off the reader's: it reads every page (about
     * 10 s for a 1 GB history), and searches and loads must not wait behind it. A thread with its
     * own connection is started for each check and ended after it.
     */
    async quickCheck(): Promise<string | undefined> {
      if (closed) throw new Error('The conversation store is closed.');
      const checker = createReadThread(options);
      checks.add(checker);
      try {
        return await checker.ask({ op: 'quickCheck' });
      } finally {
        checks.delete(checker);
        void checker.close();
      }
    },
    /** Lets searches and loads finish (a running check is cut short), then ends the threads. */
    async close(): Promise<void> {
      closed = true;
      await Promise.all([reader.close(), ...[...checks].map((c) => c.abort())]);
    },
  };
}
