// 7. Stream IPC through the real harness transport (SSE): 4 replies at 1,000 tokens/s each go
// through the real chat service and stream-batcher; we count the messages and bytes that reach
// the renderer's transport. Baseline: one message per token with the same serialisation.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StreamEvent } from '../shared/types';
import { realisticMarkdownTokens } from '../tests/fakes/index';
import { startFakeProcess } from './lib/child';
import { callHarness, startHarness } from './lib/harness';
import { median } from './lib/stats';
import type { Row } from './lib/report';
import type { BenchOptions, Section } from './lib/section';

const PANES = 4;
const RATE = 1000;
const FRAME_MS = 1000 / 60;

interface Received {
  at: number;
  bytes: number;
  events: StreamEvent[];
}

/** Reads the harness's SSE stream until `done` says stop. */
async function listen(url: string, received: Received[], signal: AbortSignal): Promise<void> {
  const res = await fetch(url, { signal });
  if (!res.body) throw new Error('no event stream');
  const decoder = new TextDecoder();
  let buffer = '';
  try {
    for await (const chunk of res.body) {
      buffer += decoder.decode(chunk, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const frame = buffer.slice(0, end + 2);
        buffer = buffer.slice(end + 2);
        const data = frame.split('\n').find((l) => l.startsWith('data: '));
        if (frame.startsWith('event: stream') && data) {
          received.push({ at: performance.now(), bytes: Buffer.byteLength(frame), events: JSON.parse(data.slice(6)) as StreamEvent[] });
        }
      }
    }
  } catch (error) {
    if (!signal.aborted) throw error;
  }
}

async function measure(opts: BenchOptions): Promise<Row[]> {
  const seconds = opts.quick ? 2 : 8;
  const tokens = realisticMarkdownTokens(RATE * seconds);
  const fake = await startFakeProcess('openai-chat', { tokens, tokensPerSecond: RATE });
  const dataDir = mkdtempSync(join(tmpdir(), 'enclave-bench-ipc-'));
  const harness = await startHarness(dataDir);
  const controller = new AbortController();
  try {
    const url = new URL(harness.url);
    const token = url.searchParams.get('token') ?? '';
    const conn = await callHarness<{ id: string }>(harness.url, 'addConnection', { kind: 'openai-compatible', name: 'Bench fake', baseUrl: fake.info.baseUrl });
    const received: Received[] = [];
    const listening = listen(`${url.origin}/__harness/events?token=${token}`, received, controller.signal);
    await new Promise((r) => setTimeout(r, 200));
    const streamIds: string[] = [];
    for (let i = 0; i < PANES; i += 1) {
      const conversation = await callHarness<{ id: string }>(harness.url, 'createConversation', {});
      const sent = await callHarness<{ streamId: string }>(harness.url, 'sendMessage', {
        conversationId: conversation.id,
        parentId: null,
        content: `pane ${i}`,
        model: { connectionId: conn.id, modelId: 'bench-model' },
      });
      streamIds.push(sent.streamId);
    }
    const finished = () => streamIds.every((id) => received.some((r) => r.events.some((e) => e.streamId === id && (e.kind === 'finish' || e.kind === 'error'))));
    const deadline = Date.now() + seconds * 1000 * 4 + 10_000;
    while (!finished() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    controller.abort();
    await listening;
    const errors = received.flatMap((r) => r.events).filter((e) => e.kind === 'error');
    if (errors.length > 0 || !finished()) throw new Error(`streams did not finish cleanly: ${JSON.stringify(errors[0] ?? 'timeout')}`);

    const deltas = received.filter((r) => r.events.some((e) => e.kind === 'text-delta'));
    const spanS = ((deltas.at(-1)?.at ?? 0) - (deltas[0]?.at ?? 0)) / 1000;
    const bytes = deltas.reduce((n, r) => n + r.bytes, 0);
    const perPanePerFrame = streamIds.map((id) => {
      const mine = received.filter((r) => r.events.some((e) => e.streamId === id && e.kind === 'text-delta'));
      const span = (mine.at(-1)?.at ?? 0) - (mine[0]?.at ?? 0);
      return mine.length / Math.max(1, span / FRAME_MS);
    });
    // One message per token, serialised exactly as harness/server.ts does.
    const baselineBytes = streamIds.reduce(
      (sum, streamId) =>
        sum + tokens.reduce((n, text) => n + Buffer.byteLength(`event: stream\ndata: ${JSON.stringify([{ kind: 'text-delta', streamId, text, atMs: 1000 }])}\n\n`), 0),
      0,
    );
    const baselineMessages = PANES * tokens.length;
    const chars = received.flatMap((r) => r.events).reduce((n, e) => n + (e.kind === 'text-delta' ? e.text.length : 0), 0);
    const expected = PANES * tokens.join('').length;
    return [
      {
        section: '7',
        metric: 'stream messages per pane per frame',
        unit: '',
        value: median(perPanePerFrame),
        target: { op: '<=', value: 1 },
        baseline: (RATE * FRAME_MS) / 1000,
        ratio: median(perPanePerFrame) / ((RATE * FRAME_MS) / 1000),
        note: `max over panes ${Math.max(...perPanePerFrame).toFixed(2)}; one SSE message carries every pane's deltas`,
      },
      {
        section: '7',
        metric: 'stream messages per second (4 panes)',
        unit: 'msg/s',
        value: deltas.length / spanS,
        baseline: baselineMessages / spanS,
        ratio: deltas.length / baselineMessages,
      },
      {
        section: '7',
        metric: 'stream bytes per second (4 panes)',
        unit: 'kB/s',
        value: bytes / spanS / 1000,
        baseline: baselineBytes / spanS / 1000,
        ratio: bytes / baselineBytes,
        note: `all ${chars === expected ? 'text arrived intact' : `${chars}/${expected} chars arrived`}`,
      },
    ];
  } finally {
    controller.abort();
    await harness.stop();
    await fake.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export const ipc: Section = { id: '7', title: 'Stream IPC', run: measure };
