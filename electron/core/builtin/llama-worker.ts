// The worker thread that owns llama.cpp (node-llama-cpp): inspects GGUF files, loads one model at
// a time and streams generations back as messages, so a long prompt evaluation or a slow CPU never
// blocks the core's event loop. Only erasable TypeScript here: Node runs this file by stripping
// types (no build step for the worker).
import { parentPort, workerData } from 'node:worker_threads';
import { GgufInsights, getLlama, LlamaChat, readGgufFileInfo, type ChatHistoryItem, type Llama, type LlamaContext, type LlamaModel } from 'node-llama-cpp';
import type { GgufFacts, HistoryItem, WorkerReply, WorkerRequest } from './worker-protocol';

const port = parentPort;
if (!port) throw new Error('llama-worker must run as a worker thread');
const threads: number = (workerData as { threads?: number } | undefined)?.threads ?? 1;

let llamaPromise: Promise<Llama> | undefined;
let loaded: { path: string; model: LlamaModel; context: LlamaContext } | undefined;
const running = new Map<number, AbortController>();
/** One context sequence: generations take turns (a second chat waits instead of failing). */
let queue: Promise<void> = Promise.resolve();

function send(reply: WorkerReply): void {
  port!.postMessage(reply);
}

/** Never builds from source and never downloads: the prebuilt binary from npm or nothing. */
function llama(): Promise<Llama> {
  llamaPromise ??= getLlama({ gpu: false, build: 'never', skipDownload: true, usePrebuiltBinaries: true, progressLogs: false, maxThreads: threads });
  return llamaPromise;
}

async function inspect(path: string, contextSize: number): Promise<GgufFacts> {
  const info = await readGgufFileInfo(path, {
    sourceType: 'filesystem',
    readTensorInfo: true,
    logWarnings: false,
    ignoreKeys: ['tokenizer.ggml.tokens', 'tokenizer.ggml.scores', 'tokenizer.ggml.token_type', 'tokenizer.ggml.merges'],
  });
  const insights = await GgufInsights.from(info, await llama());
  const trained = insights.trainContextSize;
  const ctx = Math.min(contextSize, trained ?? contextSize);
  const weights = insights.estimateModelResourceRequirements({ gpuLayers: 0 }).cpuRam;
  const kv = insights.estimateContextResourceRequirements({ contextSize: ctx, modelGpuLayers: 0 }).cpuRam;
  const general = info.metadata.general;
  return {
    architecture: String(general.architecture),
    ...(general.name ? { name: String(general.name) } : {}),
    quantisation: general.file_type !== undefined ? quantName(general.file_type) : 'unknown',
    ...(trained ? { contextLength: trained } : {}),
    parameters: insights.totalParameters,
    sizeBytes: insights.modelSize,
    ramNeededBytes: weights + kv,
    contextSize: ctx,
    supported: insights.isSupportedByLlamaCpp,
  };
}

// llama.cpp's LLAMA_FTYPE_* numbering (general.file_type).
const FILE_TYPES: Record<number, string> = {
  0: 'F32',
  1: 'F16',
  2: 'Q4_0',
  3: 'Q4_1',
  7: 'Q8_0',
  8: 'Q5_0',
  9: 'Q5_1',
  10: 'Q2_K',
  11: 'Q3_K_S',
  12: 'Q3_K_M',
  13: 'Q3_K_L',
  14: 'Q4_K_S',
  15: 'Q4_K_M',
  16: 'Q5_K_S',
  17: 'Q5_K_M',
  18: 'Q6_K',
  19: 'IQ2_XXS',
  20: 'IQ2_XS',
  21: 'Q2_K_S',
  22: 'IQ3_XS',
  23: 'IQ3_XXS',
  24: 'IQ1_S',
  25: 'IQ4_NL',
  26: 'IQ3_S',
  27: 'IQ3_M',
  28: 'IQ2_S',
  29: 'IQ2_M',
  30: 'IQ4_XS',
  31: 'IQ1_M',
  32: 'BF16',
  36: 'TQ1_0',
  37: 'TQ2_0',
  38: 'MXFP4_MOE',
};
function quantName(fileType: number): string {
  return FILE_TYPES[fileType] ?? `type ${fileType}`;
}

async function unload(): Promise<void> {
  for (const c of running.values()) c.abort();
  const current = loaded;
  loaded = undefined;
  if (current) {
    await current.context.dispose();
    await current.model.dispose();
  }
}

async function load(path: string, contextSize: number): Promise<number> {
  const started = performance.now();
  if (loaded?.path === path) return 0;
  await unload();
  const model = await (await llama()).loadModel({ modelPath: path, gpuLayers: 0 });
  const trained = model.trainContextSize;
  const context = await model.createContext({ contextSize: Math.min(contextSize, trained), threads, sequences: 1 });
  loaded = { path, model, context };
  return Math.round(performance.now() - started);
}

function toChatHistory(history: HistoryItem[]): ChatHistoryItem[] {
  const items: ChatHistoryItem[] = history.map((h) => (h.type === 'model' ? { type: 'model', response: [h.text] } : h));
  items.push({ type: 'model', response: [] });
  return items;
}

function generate(req: Extract<WorkerRequest, { op: 'generate' }>): Promise<void> {
  const controller = new AbortController();
  running.set(req.id, controller);
  const turn = queue.then(() => generateNow(req, controller));
  queue = turn.catch(() => undefined);
  return turn;
}

async function generateNow(req: Extract<WorkerRequest, { op: 'generate' }>, controller: AbortController): Promise<void> {
  if (controller.signal.aborted) {
    running.delete(req.id);
    send({ op: 'done', id: req.id, reason: 'aborted', usage: { inputTokens: 0, outputTokens: 0 } });
    return;
  }
  if (!loaded) {
    running.delete(req.id);
    throw new Error('No model is loaded.');
  }
  const sequence = loaded.context.getSequence();
  try {
    const chat = new LlamaChat({ contextSequence: sequence, autoDisposeSequence: false });
    const before = sequence.tokenMeter.getState();
    const result = await chat.generateResponse(toChatHistory(req.history), {
      signal: controller.signal,
      stopOnAbortSignal: true,
      // A model that never says "end" must not run forever: at most one context's worth.
      maxTokens: req.maxTokens ?? loaded.context.contextSize,
      ...(req.temperature !== undefined ? { temperature: req.temperature } : {}),
      onTextChunk: (text) => send({ op: 'chunk', id: req.id, text }),
    });
    const after = sequence.tokenMeter.getState();
    const reason = controller.signal.aborted ? 'aborted' : result.metadata.stopReason === 'maxTokens' ? 'length' : 'stop';
    send({
      op: 'done',
      id: req.id,
      reason,
      usage: { inputTokens: after.usedInputTokens - before.usedInputTokens, outputTokens: after.usedOutputTokens - before.usedOutputTokens },
    });
    chat.dispose();
  } finally {
    running.delete(req.id);
    // Fire and forget: the next request must not wait for the slot to be freed.
    void sequence.dispose();
  }
}

async function handle(req: WorkerRequest): Promise<void> {
  switch (req.op) {
    case 'inspect':
      send({ op: 'inspected', id: req.id, facts: await inspect(req.path, req.contextSize) });
      return;
    case 'load':
      send({ op: 'loaded', id: req.id, ms: await load(req.path, req.contextSize) });
      return;
    case 'generate':
      await generate(req);
      return;
    case 'stop':
      running.get(req.target)?.abort();
      return;
    case 'unload':
      await unload();
      send({ op: 'unloaded', id: req.id });
      return;
  }
}

port.on('message', (req: WorkerRequest) => {
  handle(req).catch((err: unknown) => send({ op: 'failed', id: req.id, message: err instanceof Error ? err.message : String(err) }));
});
