// 9. The built-in engine (llama.cpp in a worker thread) on the tiny generated llama, beside the
// Ollama fake answering the same prompt with the same number of tokens, both through streamTurn.
// The fake is the pipeline's ceiling (no inference at all); the engine's figures are real CPU
// inference of a 124K-parameter model, so they say what the path costs, not what a real model does.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Connection } from '../shared/types';
import { createBuiltinLanguageModel } from '../electron/core/builtin/builtin-language-model';
import { createLlamaEngine } from '../electron/core/builtin/llama-engine';
import { createLanguageModel } from '../electron/core/providers/registry';
import { streamTurn } from '../electron/core/providers/turn/stream-turn';
import type { LanguageModel } from 'ai';
import { writeTinyLlama } from '../tests/support/tiny-llama';
import { startFakeProcess } from './lib/child';
import { median, percentile } from './lib/stats';
import type { Row } from './lib/report';
import type { BenchOptions, Section } from './lib/section';

const TOKENS = 64;
const PROMPT = 'Write a short note about the sea.';

interface Run {
  ttftMs: number;
  tokensPerSec: number;
  outputTokens: number;
}

async function once(model: LanguageModel): Promise<Run> {
  const started = performance.now();
  let first = Number.NaN;
  let outputTokens = 0;
  for await (const part of streamTurn({
    model,
    messages: [{ role: 'user', content: PROMPT }],
    maxOutputTokens: TOKENS,
    signal: new AbortController().signal,
    firstByteTimeoutMs: 120_000,
  })) {
    if (part.kind === 'text-delta' && Number.isNaN(first)) first = performance.now();
    if (part.kind === 'usage') outputTokens = part.usage.outputTokens ?? 0;
    if (part.kind === 'error') throw new Error(part.error.message);
  }
  const end = performance.now();
  return { ttftMs: first - started, tokensPerSec: outputTokens / ((end - first) / 1000), outputTokens };
}

const mb = (bytes: number) => bytes / 1e6;

async function measure(opts: BenchOptions): Promise<Row[]> {
  const runs = opts.quick ? 3 : 10;
  const dir = mkdtempSync(join(tmpdir(), 'enclave-bench-gguf-'));
  const path = join(dir, 'tiny-llama.F32.gguf');
  const { sizeBytes } = writeTinyLlama(path, { contextLength: 512 });
  const engine = createLlamaEngine({ threads: 1, maxContext: 512 });
  const fake = await startFakeProcess('ollama', { tokens: Array.from({ length: TOKENS }, (_, i) => ` w${i}`), usage: { input: 12, output: TOKENS } });
  try {
    const rssBefore = process.memoryUsage().rss;
    const coldStart = performance.now();
    await engine.load(path);
    const coldMs = performance.now() - coldStart;
    const rssLoaded = process.memoryUsage().rss;
    const builtinModel = createBuiltinLanguageModel(engine, 'tiny', path);
    const conn: Connection = { id: 'bench-ollama', kind: 'ollama', name: 'Ollama fake', baseUrl: fake.info.origin, local: true, extraModels: [], createdAt: 0 };
    const ollamaModel = await createLanguageModel(conn, 'bench-model', { fetch: globalThis.fetch });
    await once(builtinModel);
    await once(ollamaModel);
    const builtin: Run[] = [];
    const ollama: Run[] = [];
    for (let i = 0; i < runs; i += 1) {
      builtin.push(await once(builtinModel));
      ollama.push(await once(ollamaModel));
    }
    const rssAfterRuns = process.memoryUsage().rss;
    await engine.unload();
    const rssUnloaded = process.memoryUsage().rss;
    opts.log(`[9] builtin tokens per run: ${builtin.map((r) => r.outputTokens).join(',')}`);
    const tt = (rs: Run[], p: number) =>
      percentile(
        rs.map((r) => r.ttftMs),
        p,
      );
    const tp = (rs: Run[]) => median(rs.map((r) => r.tokensPerSec));
    const note = `tiny llama ${(sizeBytes / 1e6).toFixed(1)} MB F32, 1 thread, ${TOKENS} tokens, ${runs} runs; baseline = Ollama fake (no inference)`;
    return [
      { section: '9', metric: 'built-in: TTFT, median', unit: 'ms', value: tt(builtin, 50), baseline: tt(ollama, 50), note },
      { section: '9', metric: 'built-in: TTFT, p95', unit: 'ms', value: tt(builtin, 95), baseline: tt(ollama, 95) },
      { section: '9', metric: 'built-in: generation, median', unit: 'tok/s', value: tp(builtin), baseline: tp(ollama) },
      { section: '9', metric: 'built-in: engine start + model load (cold)', unit: 'ms', value: coldMs },
      { section: '9', metric: 'built-in: RSS added by the loaded engine', unit: 'MB', value: mb(rssLoaded - rssBefore) },
      { section: '9', metric: 'built-in: RSS after runs, then after idle unload', unit: 'MB', value: mb(rssUnloaded), baseline: mb(rssAfterRuns) },
    ];
  } finally {
    await engine.unload();
    await fake.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

export const builtinEngine: Section = { id: '9', title: 'Built-in engine', run: measure };
