// The core's side of the built-in engine: one worker thread running llama.cpp, started on first
// use, holding at most one model, and stopped after `idleMs` without a request so the model's
// memory goes back to the system. Generations stream as async iterables of text.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { GenerationUsage, GgufFacts, HistoryItem, WorkerReply, WorkerRequest } from './worker-protocol';

export interface LlamaEngineOptions {
  /** CPU threads for llama.cpp. Default: all cores but one. */
  threads?: number;
  /** Unload (stop the worker) after this long without a request. Default 5 minutes. */
  idleMs?: number;
  /** Largest context the engine opens, in tokens. Default 4096. */
  maxContext?: number;
}

export type GenerationEvent = { kind: 'text'; text: string } | { kind: 'done'; reason: 'stop' | 'length' | 'aborted'; usage: GenerationUsage };

export interface GenerateOptions {
  path: string;
  history: HistoryItem[];
  maxTokens?: number;
  temperature?: number;
  signal?: AbortSignal;
}

type Pending = { resolve: (reply: WorkerReply) => void; reject: (err: Error) => void; onChunk?: (text: string) => void };

// The source runs as .ts (tsx, vitest: Node strips the worker's types); the Electron bundle ships
// the worker as llama-worker.js beside main.js (scripts/build-electron.mjs).
const WORKER_URL = new URL(import.meta.url.endsWith('.ts') ? './llama-worker.ts' : './llama-worker.js', import.meta.url);

export class EngineError extends Error {
  override readonly name = 'EngineError';
}

export function createLlamaEngine(opts: LlamaEngineOptions = {}) {
  const idleMs = opts.idleMs ?? 5 * 60_000;
  const maxContext = opts.maxContext ?? 4096;
  let worker: Worker | undefined;
  /** Requests waiting for the current worker; a stopped worker fails only its own. */
  let pending = new Map<number, Pending>();
  let loadedPath: string | undefined;
  let nextId = 1;
  let busy = 0;
  let idleTimer: NodeJS.Timeout | undefined;

  function start(): Worker {
    if (worker) return worker;
    const mine = new Map<number, Pending>();
    pending = mine;
    const failAll = (err: Error) => {
      for (const p of mine.values()) p.reject(err);
      mine.clear();
    };
    const threads = opts.threads ?? Math.max(1, availableParallelism() - 1);
    // No download or source build, whatever the environment says (node-llama-cpp reads these).
    const env = { ...process.env, NODE_LLAMA_CPP_SKIP_DOWNLOAD: 'true', NODE_LLAMA_CPP_GPU: 'false' };
    const w = new Worker(WORKER_URL, { workerData: { threads }, env });
    w.on('message', (reply: WorkerReply) => {
      const p = mine.get(reply.id);
      if (!p) return;
      if (reply.op === 'chunk') {
        p.onChunk?.(reply.text);
        return;
      }
      mine.delete(reply.id);
      if (reply.op === 'failed') p.reject(new EngineError(reply.message));
      else p.resolve(reply);
    });
    w.on('error', (err) => failAll(new EngineError(`The built-in engine stopped: ${err.message}`)));
    w.on('exit', () => {
      if (worker === w) {
        worker = undefined;
        loadedPath = undefined;
      }
      failAll(new EngineError('The built-in engine stopped.'));
    });
    worker = w;
    return w;
  }

  function request(req: WorkerRequest, onChunk?: (text: string) => void): Promise<WorkerReply> {
    const w = start();
    return new Promise((resolve, reject) => {
      pending.set(req.id, { resolve, reject, ...(onChunk ? { onChunk } : {}) });
      w.postMessage(req);
    });
  }

  function touch(): void {
    if (idleTimer) clearTimeout(idleTimer);
    idleTimer = undefined;
    if (busy === 0 && worker) {
      idleTimer = setTimeout(() => void unload(), idleMs);
      idleTimer.unref();
    }
  }

  async function track<T>(work: () => Promise<T>): Promise<T> {
    busy += 1;
    touch();
    try {
      return await work();
    } finally {
      busy -= 1;
      touch();
    }
  }

  /** Stops the worker: the model, its context and llama.cpp's memory are all released. */
  async function unload(): Promise<void> {
    if (idleTimer) clearTimeout(idleTimer);
    idleTimer = undefined;
    const w = worker;
    worker = undefined;
    loadedPath = undefined;
    if (w) await w.terminate();
  }

  async function ensureLoaded(path: string): Promise<void> {
    if (loadedPath === path) return;
    await request({ op: 'load', id: nextId++, path, contextSize: maxContext });
    loadedPath = path;
  }

  async function* generate(g: GenerateOptions): AsyncGenerator<GenerationEvent> {
    busy += 1;
    touch();
    const queue: GenerationEvent[] = [];
    let wake: (() => void) | undefined;
    let failure: Error | undefined;
    let finished = false;
    const id = nextId++;
    const onAbort = () => worker?.postMessage({ op: 'stop', id: nextId++, target: id } satisfies WorkerRequest);
    try {
      await ensureLoaded(g.path);
      if (g.signal?.aborted) {
        yield { kind: 'done', reason: 'aborted', usage: { inputTokens: 0, outputTokens: 0 } };
        return;
      }
      g.signal?.addEventListener('abort', onAbort, { once: true });
      const push = (e: GenerationEvent) => {
        queue.push(e);
        wake?.();
      };
      request(
        {
          op: 'generate',
          id,
          history: g.history,
          ...(g.maxTokens !== undefined ? { maxTokens: g.maxTokens } : {}),
          ...(g.temperature !== undefined ? { temperature: g.temperature } : {}),
        },
        (text) => push({ kind: 'text', text }),
      )
        .then((reply) => {
          if (reply.op === 'done') push({ kind: 'done', reason: reply.reason, usage: reply.usage });
          finished = true;
          wake?.();
        })
        .catch((err: Error) => {
          failure = err;
          finished = true;
          wake?.();
        });
      for (;;) {
        const next = queue.shift();
        if (next) {
          yield next;
          if (next.kind === 'done') return;
          continue;
        }
        if (failure) throw failure;
        if (finished) throw new EngineError('The built-in engine ended the reply without finishing it.');
        await new Promise<void>((resolve) => (wake = resolve));
        wake = undefined;
      }
    } finally {
      g.signal?.removeEventListener('abort', onAbort);
      // The consumer went away early: stop generating rather than burn CPU on an unread reply.
      if (!finished) onAbort();
      busy -= 1;
      touch();
    }
  }

  return {
    /** Reads a GGUF file's header and estimates the RAM it needs; does not load the weights. */
    inspect: (path: string) =>
      track(async () => {
        const reply = await request({ op: 'inspect', id: nextId++, path, contextSize: maxContext });
        if (reply.op !== 'inspected') throw new EngineError('The built-in engine gave an unexpected answer.');
        return reply.facts as GgufFacts;
      }),
    load: (path: string) => track(() => ensureLoaded(path)),
    generate,
    unload,
    /** The file of the model in memory now, if any. */
    loaded: () => loadedPath,
    running: () => worker !== undefined,
  };
}

export type LlamaEngine = ReturnType<typeof createLlamaEngine>;
