// 2–4. What users feel while replies stream, in Chromium with the CPU throttled 4×:
// chunk → paint latency, frame times and long tasks for N panes; the cost of one update as a
// reply grows; and key press → painted character while 4 panes stream. Baseline: the same feed
// rendered by NaiveMarkdown (the whole message re-parsed on every update), in the same run.
import type { Page } from 'playwright-core';
import type { CostResult, StreamResult, TypingResult } from './pages/render';
import { buildRenderPage, launchChromium, serveDir, throttle } from './lib/browser';
import { percentile, ratio } from './lib/stats';
import type { Row } from './lib/report';
import type { BenchOptions, Section } from './lib/section';

const THROTTLE = 4;
const RATE = 1000;
const BATCH_MS = 16;
type Kind = 'memo' | 'naive' | 'streamdown';

interface BenchWindow {
  bench: {
    stream(cfg: { kind: Kind; panes: number; tokensPerSec: number; durationMs: number; batchMs: number }): Promise<StreamResult>;
    cost(cfg: { kind: Kind; chars: number; updates: number; tokensPerUpdate: number }): Promise<CostResult>;
    startTyping(cfg: { kind: Kind; panes: number; tokensPerSec: number; batchMs: number }): Promise<void>;
    stopTyping(): Promise<TypingResult>;
  };
}

const stream = (page: Page, kind: Kind, panes: number, durationMs: number) =>
  page.evaluate((cfg) => (window as unknown as BenchWindow).bench.stream(cfg), { kind, panes, tokensPerSec: RATE, durationMs, batchMs: BATCH_MS });

const cost = (page: Page, kind: Kind, chars: number, updates: number) =>
  page.evaluate((cfg) => (window as unknown as BenchWindow).bench.cost(cfg), { kind, chars, updates, tokensPerUpdate: 16 });

/** Types up to `keys` characters or until `budgetMs` is spent: each CDP key press waits for a busy renderer. */
async function typing(page: Page, kind: Kind, panes: number, keys: number, budgetMs: number, log: (m: string) => void): Promise<TypingResult> {
  log(`  typing ${keys} keys, ${panes} pane(s) streaming`);
  await page.evaluate((cfg) => (window as unknown as BenchWindow).bench.startTyping(cfg), { kind, panes, tokensPerSec: RATE, batchMs: BATCH_MS });
  const text = 'the quick brown fox jumps over the lazy dog ';
  const started = Date.now();
  for (let i = 0; i < keys && Date.now() - started < budgetMs; i += 1) {
    await page.keyboard.press(text[i % text.length] === ' ' ? 'Space' : text[i % text.length]!);
    await new Promise((r) => setTimeout(r, 40 + (i % 5) * 13));
  }
  return page.evaluate(() => (window as unknown as BenchWindow).bench.stopTyping());
}

const p = (xs: number[], q: number) => percentile(xs, q);

async function streamingRows(page: Page, opts: BenchOptions): Promise<Row[]> {
  const rows: Row[] = [];
  const configs = opts.quick ? [4] : [1, 4, 6];
  const duration = opts.quick ? 2000 : 10_000;
  for (const panes of configs) {
    opts.log(`  streaming ${panes} pane(s) × ${duration / 1000} s, memo then naive`);
    const memo = await stream(page, 'memo', panes, duration);
    const naive = await stream(page, 'naive', panes, duration);
    rows.push(...streamRows(`${panes} pane${panes > 1 ? 's' : ''}`, panes === 4, memo, naive));
  }
  // The same 4 panes against streamdown (react-markdown's streaming drop-in), in the same run.
  opts.log(`  streaming 4 panes × ${duration / 1000} s, streamdown`);
  const memo4 = await stream(page, 'memo', 4, duration);
  const streamdown = await stream(page, 'streamdown', 4, duration);
  rows.push(...streamRows('4 panes, vs streamdown', false, memo4, streamdown));
  return rows;
}

function streamRows(tag: string, targets: boolean, memo: StreamResult, base: StreamResult): Row[] {
  return [
    {
      section: '2',
      metric: `chunk→paint p50, ${tag}`,
      unit: 'ms',
      value: p(memo.latencies, 50),
      baseline: p(base.latencies, 50),
      ratio: ratio(p(memo.latencies, 50), p(base.latencies, 50)),
    },
    {
      section: '2',
      metric: `chunk→paint p95, ${tag}`,
      unit: 'ms',
      value: p(memo.latencies, 95),
      ...(targets ? { target: { op: '<=' as const, value: 50 } } : {}),
      baseline: p(base.latencies, 95),
      ratio: ratio(p(memo.latencies, 95), p(base.latencies, 95)),
    },
    {
      section: '2',
      metric: `frame time p95, ${tag}`,
      unit: 'ms',
      value: p(memo.frameTimes, 95),
      baseline: p(base.frameTimes, 95),
      ratio: ratio(p(memo.frameTimes, 95), p(base.frameTimes, 95)),
      note: `${memo.frameTimes.length} frames vs ${base.frameTimes.length}`,
    },
    {
      section: '2',
      metric: `long tasks > 50 ms, ${tag}`,
      unit: '',
      value: memo.longTasks.length,
      ...(targets ? { target: { op: '<=' as const, value: 0 } } : {}),
      baseline: base.longTasks.length,
      note: `longest ${Math.round(Math.max(0, ...memo.longTasks))} ms vs ${Math.round(Math.max(0, ...base.longTasks))} ms`,
    },
  ];
}

/** 4 panes without CPU throttling: what a fast machine feels. */
async function unthrottledRows(page: Page, opts: BenchOptions): Promise<Row[]> {
  const duration = opts.quick ? 2000 : 10_000;
  opts.log(`  streaming 4 panes × ${duration / 1000} s unthrottled, memo then naive`);
  const memo = await stream(page, 'memo', 4, duration);
  const naive = await stream(page, 'naive', 4, duration);
  return streamRows('4 panes, not throttled', false, memo, naive);
}

async function costRows(page: Page, opts: BenchOptions): Promise<Row[]> {
  const rows: Row[] = [];
  const sizes = [1000, 10_000, 50_000, 200_000];
  const memoUpdates = opts.quick ? 10 : 40;
  const naiveUpdates = (chars: number) => Math.max(opts.quick ? 2 : 3, Math.round((opts.quick ? 6 : 20) * Math.min(1, 10_000 / chars)));
  const memoP50: number[] = [];
  for (const chars of sizes) {
    const memo = await cost(page, 'memo', chars, memoUpdates);
    const naive = await cost(page, 'naive', chars, naiveUpdates(chars));
    memoP50.push(p(memo.times, 50));
    rows.push({
      section: '3',
      metric: `update cost at ${chars / 1000}k chars, p50`,
      unit: 'ms',
      value: p(memo.times, 50),
      target: { op: '<=', value: 4 },
      baseline: p(naive.times, 50),
      ratio: ratio(p(memo.times, 50), p(naive.times, 50)),
      note: `p95 ${p(memo.times, 95).toFixed(1)} ms (React commit alone p50 ${p(memo.commits, 50).toFixed(1)} ms); ${memo.times.length} vs ${naive.times.length} updates`,
    });
  }
  const naiveSmall = rows[0]?.baseline ?? Number.NaN;
  const naiveLarge = rows.at(-1)?.baseline ?? Number.NaN;
  rows.push({
    section: '3',
    metric: 'update cost 200k / 1k',
    unit: '',
    value: ratio(memoP50.at(-1) ?? Number.NaN, memoP50[0] ?? Number.NaN),
    target: { op: '<=', value: 1.5 },
    baseline: ratio(naiveLarge, naiveSmall),
  });
  return rows;
}

async function typingRows(page: Page, opts: BenchOptions): Promise<Row[]> {
  const keys = opts.quick ? 10 : 50;
  const budget = opts.quick ? 2500 : 10_000;
  // Baseline: the same typing with nothing streaming (the floor of the measurement itself).
  // NaiveMarkdown panes are not used here: at 4 panes under 4× throttling its frames take
  // seconds, and each CDP key press waits for the renderer, so the run would not end.
  const idle = await typing(page, 'memo', 0, keys, budget, opts.log);
  const memo = await typing(page, 'memo', 4, keys, budget, opts.log);
  return [
    {
      section: '4',
      metric: 'key→paint p95, 4 panes streaming',
      unit: 'ms',
      value: p(memo.latencies, 95),
      target: { op: '<=', value: 16 },
      baseline: p(idle.latencies, 95),
      ratio: ratio(p(memo.latencies, 95), p(idle.latencies, 95)),
      note: `${memo.latencies.length} keys; baseline = typing with nothing streaming`,
    },
    {
      section: '4',
      metric: 'key→paint p50, 4 panes streaming',
      unit: 'ms',
      value: p(memo.latencies, 50),
      baseline: p(idle.latencies, 50),
      ratio: ratio(p(memo.latencies, 50), p(idle.latencies, 50)),
    },
    {
      section: '4',
      metric: 'frame time p95 while typing + streaming',
      unit: 'ms',
      value: p(memo.frameTimes, 95),
      baseline: p(idle.frameTimes, 95),
      ratio: ratio(p(memo.frameTimes, 95), p(idle.frameTimes, 95)),
    },
  ];
}

async function measure(opts: BenchOptions): Promise<Row[]> {
  const server = await serveDir(await buildRenderPage());
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(server.url);
    await page.waitForFunction(() => 'bench' in window);
    // Warm the JIT and load fonts before anything is measured.
    const warm = opts.quick ? 500 : 1500;
    await stream(page, 'memo', 2, warm);
    await stream(page, 'naive', 2, warm);
    opts.log('  update cost per size (unthrottled)');
    const costs = await costRows(page, opts);
    const unthrottled = await unthrottledRows(page, opts);
    const cdp = await throttle(page, THROTTLE);
    const streaming = await streamingRows(page, opts);
    opts.log('  typing while streaming');
    const typed = await typingRows(page, opts);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    return [...streaming, ...unthrottled, ...costs, ...typed];
  } finally {
    await browser.close();
    await server.close();
  }
}

export const render: Section = { id: '2-4', title: 'Rendering in Chromium', run: measure };
