// 1. What egress + the provider adapter + streamTurn add on top of reading the same stream with a
// bare fetch and a hand-written SSE parser. The fake runs in its own process at full speed.
import type { Connection } from '../shared/types';
import { createEgress } from '../electron/core/egress/egress';
import { createLanguageModel } from '../electron/core/providers/registry';
import { streamTurn } from '../electron/core/providers/turn/stream-turn';
import type { ProviderModel } from '../electron/core/providers/adapter';
import { streamText } from 'ai';
import { startFakeProcess, type FakeInfo } from './lib/child';
import { median, percentile, ratio } from './lib/stats';
import type { Row } from './lib/report';
import type { BenchOptions, Section } from './lib/section';
import { realisticMarkdownTokens } from '../tests/fakes/index';

const TOKENS = 2000;

interface Run {
  ttftMs: number;
  tokensPerSec: number;
  tokens: number;
}

const requestBody = JSON.stringify({ model: 'bench-model', stream: true, stream_options: { include_usage: true }, messages: [{ role: 'user', content: 'hi' }] });

/** (a) fetch + a minimal SSE parser, counting non-empty content deltas. */
async function bareRun(fake: FakeInfo): Promise<Run> {
  const started = performance.now();
  const res = await fetch(`${fake.baseUrl}/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: requestBody });
  if (!res.body) throw new Error('no body');
  const decoder = new TextDecoder();
  let buffer = '';
  let tokens = 0;
  let first = Number.NaN;
  for await (const chunk of res.body) {
    buffer += decoder.decode(chunk, { stream: true });
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const frame = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      for (const line of frame.split('\n')) {
        if (!line.startsWith('data:')) continue;
        const data = line.slice(5).trim();
        if (data === '[DONE]') continue;
        const parsed = JSON.parse(data) as { choices?: Array<{ delta?: { content?: string } }> };
        const text = parsed.choices?.[0]?.delta?.content;
        if (text) {
          if (tokens === 0) first = performance.now();
          tokens += 1;
        }
      }
    }
  }
  const total = performance.now() - started;
  return { ttftMs: first - started, tokensPerSec: tokens / (total / 1000), tokens };
}

/**
 * Times one reply through the openai-compatible adapter on `fetchImpl`: from the call to the end
 * of `kinds`, the kind of each part the layer under test yields ('text-delta' counts as a token).
 */
async function timedRun(fake: FakeInfo, fetchImpl: typeof fetch, kinds: (model: ProviderModel) => AsyncIterable<string>): Promise<Run> {
  const conn: Connection = { id: 'bench', kind: 'openai-compatible', name: 'Bench', baseUrl: fake.baseUrl, local: true, extraModels: [], createdAt: 0 };
  const started = performance.now();
  const model = (await createLanguageModel(conn, 'bench-model', { fetch: fetchImpl })) as ProviderModel;
  let tokens = 0;
  let first = Number.NaN;
  for await (const kind of kinds(model)) {
    if (kind !== 'text-delta') continue;
    if (tokens === 0) first = performance.now();
    tokens += 1;
  }
  const total = performance.now() - started;
  return { ttftMs: first - started, tokensPerSec: tokens / (total / 1000), tokens };
}

/** (b) egress fetch → AI SDK adapter → streamTurn parts, as the chat service consumes them. */
function coreRun(fake: FakeInfo, through: 'egress' | 'plain-fetch' = 'egress'): Promise<Run> {
  const egress = createEgress({ isOffline: () => false, allowedHosts: () => new Set(), record: () => undefined });
  const fetchImpl = through === 'egress' ? egress.fetchFor({ connectionId: 'bench', model: 'bench-model' }) : globalThis.fetch;
  return timedRun(fake, fetchImpl, async function* (model) {
    for await (const part of streamTurn({ model, messages: [{ role: 'user', content: 'hi' }], signal: new AbortController().signal })) {
      if (part.kind === 'error') throw new Error(part.error.message);
      yield part.kind;
    }
  });
}

/**
 * Where the core path's time per token goes, on plain fetch: (d) the adapter's own stream
 * (`doStream`: the SDK's SSE parsing and per-chunk schema validation) and (e) `streamText` over it
 * without raw chunks. (b) adds raw chunks (our liveness signal) and streamTurn; (c) egress.
 */
function sdkRun(fake: FakeInfo, layer: 'adapter' | 'streamText'): Promise<Run> {
  return timedRun(fake, globalThis.fetch, async function* (model) {
    if (layer === 'adapter') {
      const { stream } = await model.doStream({ prompt: [{ role: 'user', content: [{ type: 'text', text: 'hi' }] }] });
      for await (const part of stream) yield part.type;
    } else {
      for await (const part of streamText({ model, messages: [{ role: 'user', content: 'hi' }], maxRetries: 0 }).fullStream) yield part.type;
    }
  });
}

async function measure(opts: BenchOptions): Promise<Row[]> {
  const fake = await startFakeProcess('openai-chat', { tokens: realisticMarkdownTokens(TOKENS) });
  try {
    const runs = opts.quick ? 4 : 15;
    const paths = [
      () => bareRun(fake.info),
      () => coreRun(fake.info),
      () => coreRun(fake.info, 'plain-fetch'),
      () => sdkRun(fake.info, 'adapter'),
      () => sdkRun(fake.info, 'streamText'),
    ];
    // Warm the JIT on every path: the first SDK runs are 3× slower than steady state.
    for (let i = 0; i < 5; i += 1) for (const path of paths) await path();
    const results: Run[][] = paths.map(() => []);
    for (let i = 0; i < runs; i += 1) {
      // Rotate the order so no path always runs on a warmer machine.
      for (let k = 0; k < paths.length; k += 1) {
        const which = (k + i) % paths.length;
        results[which]!.push(await paths[which]!());
      }
    }
    const [bare, core, sdk, adapter, plainStreamText] = results as [Run[], Run[], Run[], Run[], Run[]];
    if (results.some((rs) => rs.some((r) => r.tokens !== TOKENS))) {
      throw new Error(`token count mismatch: ${results.map((rs) => rs.map((r) => r.tokens).join(',')).join(' / ')}`);
    }
    const tt = (rs: Run[], p: number) =>
      percentile(
        rs.map((r) => r.ttftMs),
        p,
      );
    const tp = (rs: Run[], p: number) =>
      percentile(
        rs.map((r) => r.tokensPerSec),
        p,
      );
    const perToken = (rs: Run[]) => 1e6 / tp(rs, 50);
    const note = `${runs} runs × ${TOKENS} tokens, openai-chat fake in its own process`;
    return [
      { section: '1', metric: 'TTFT core − bare, median', unit: 'ms', value: tt(core, 50) - tt(bare, 50), target: { op: '<=', value: 2 }, baseline: tt(bare, 50), note },
      { section: '1', metric: 'TTFT core − bare, p95', unit: 'ms', value: tt(core, 95) - tt(bare, 95), baseline: tt(bare, 95) },
      { section: '1', metric: 'TTFT through core, median', unit: 'ms', value: tt(core, 50), baseline: tt(bare, 50), ratio: ratio(tt(core, 50), tt(bare, 50)) },
      { section: '1', metric: 'throughput core / bare, median', unit: '', value: ratio(tp(core, 50), tp(bare, 50)), target: { op: '>=', value: 0.95 }, baseline: 1 },
      { section: '1', metric: 'throughput through core, median', unit: 'tok/s', value: tp(core, 50), baseline: tp(bare, 50), ratio: ratio(tp(core, 50), tp(bare, 50)) },
      { section: '1', metric: 'throughput through core, p5 (slow runs)', unit: 'tok/s', value: tp(core, 5), baseline: tp(bare, 5), ratio: ratio(tp(core, 5), tp(bare, 5)) },
      { section: '1', metric: 'median of per-run throughput ratios', unit: '', value: median(core.map((r, i) => r.tokensPerSec / (bare[i]?.tokensPerSec ?? Number.NaN))) },
      {
        section: '1',
        metric: 'core CPU per token (1/throughput), median',
        unit: 'µs',
        value: 1e6 / tp(core, 50),
        baseline: 1e6 / tp(bare, 50),
        ratio: ratio(tp(bare, 50), tp(core, 50)),
      },
      {
        section: '1',
        metric: 'egress alone: core / SDK on plain fetch',
        unit: '',
        value: ratio(tp(core, 50), tp(sdk, 50)),
        baseline: tp(sdk, 50),
        note: 'baseline = tok/s of the same adapter + streamTurn with globalThis.fetch',
      },
      // The waterfall behind the throughput ratio: CPU per token after each layer, baseline = the
      // layer below it, so each ratio is what that layer multiplies.
      {
        section: '1',
        metric: 'µs/token: adapter stream alone (AI SDK doStream)',
        unit: 'µs',
        value: perToken(adapter),
        baseline: perToken(bare),
        ratio: ratio(perToken(adapter), perToken(bare)),
        note: 'baseline = bare fetch + SSE parser',
      },
      {
        section: '1',
        metric: 'µs/token: + AI SDK streamText',
        unit: 'µs',
        value: perToken(plainStreamText),
        baseline: perToken(adapter),
        ratio: ratio(perToken(plainStreamText), perToken(adapter)),
      },
      {
        section: '1',
        metric: 'µs/token: + raw chunks (liveness) + streamTurn',
        unit: 'µs',
        value: perToken(sdk),
        baseline: perToken(plainStreamText),
        ratio: ratio(perToken(sdk), perToken(plainStreamText)),
      },
      { section: '1', metric: 'µs/token: + egress (= through core)', unit: 'µs', value: perToken(core), baseline: perToken(sdk), ratio: ratio(perToken(core), perToken(sdk)) },
    ];
  } finally {
    await fake.stop();
  }
}

export const providerOverhead: Section = { id: '1', title: 'Provider path overhead', run: measure };
