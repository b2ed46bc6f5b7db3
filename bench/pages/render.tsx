// Bench-only page: mounts N panes of MessageMarkdown (or the NaiveMarkdown baseline) and exposes
// `window.bench` for bench/render.ts to drive through Playwright. Never part of the app build.
import { createRoot } from 'react-dom/client';
import { flushSync } from 'react-dom';
import { Bench, setPaneText, usePanes, type RendererKind } from './panes';
import { startFeed, type Feed } from './feed';
import { afterTask, nextFrame, nextPaint, startRecorder, type Recorder } from './measure';
import { realisticMarkdownTokens } from '../../tests/fakes/markdown-tokens';
import { loadRichMarkdown } from '../../renderer/features/markdown/markdown-processor';
import './bench.css';

export interface StreamResult {
  latencies: number[];
  frameTimes: number[];
  longTasks: number[];
  chars: number;
}

export interface CostResult {
  /** ms per streamed update: React render + commit + forced layout. */
  times: number[];
  /** ms per streamed update: React render + commit only. */
  commits: number[];
  chars: number;
}

export interface TypingResult {
  latencies: number[];
  frameTimes: number[];
  longTasks: number[];
}

function reset(kind: RendererKind, panes: number, composer: boolean, streaming = true): void {
  flushSync(() => usePanes.setState({ kind, texts: Array.from({ length: panes }, () => ''), composer, streaming }));
}

async function stream(cfg: { kind: RendererKind; panes: number; tokensPerSec: number; durationMs: number; batchMs: number }): Promise<StreamResult> {
  reset(cfg.kind, cfg.panes, false);
  await nextPaint();
  const recorder = startRecorder();
  const feed = startFeed(cfg);
  await feed.done;
  recorder.stop();
  const chars = usePanes.getState().texts.reduce((n, t) => n + t.length, 0);
  return { latencies: feed.latencies, frameTimes: recorder.frameTimes, longTasks: recorder.longTasks, chars };
}

function textOfSize(chars: number, extraTokens: number): { base: string; next: string[] } {
  const tokens = realisticMarkdownTokens(Math.ceil(chars / 3) + extraTokens);
  let base = '';
  let i = 0;
  while (base.length < chars && i < tokens.length) base += tokens[i++];
  return { base, next: tokens.slice(i, i + extraTokens) };
}

async function cost(cfg: { kind: RendererKind; chars: number; updates: number; tokensPerUpdate: number }): Promise<CostResult> {
  reset(cfg.kind, 1, false, false);
  const { base, next } = textOfSize(cfg.chars, cfg.updates * cfg.tokensPerUpdate);
  flushSync(() => setPaneText(0, base));
  await nextPaint();
  const pane = document.querySelector<HTMLElement>('.bench-pane');
  const times: number[] = [];
  const commits: number[] = [];
  let text = base;
  for (let u = 0; u < cfg.updates; u += 1) {
    text += next.slice(u * cfg.tokensPerUpdate, (u + 1) * cfg.tokensPerUpdate).join('');
    await nextFrame();
    const started = performance.now();
    flushSync(() => setPaneText(0, text));
    const committed = performance.now();
    void pane?.offsetHeight;
    const laidOut = performance.now();
    times.push(laidOut - started);
    commits.push(committed - started);
    await afterTask();
  }
  return { times, commits, chars: text.length };
}

let typing: { feed?: Feed; recorder: Recorder; latencies: number[]; detach(): void } | undefined;

/** Starts N streaming panes (or none) and a composer; records key → painted character. */
async function startTyping(cfg: { kind: RendererKind; panes: number; tokensPerSec: number; batchMs: number }): Promise<void> {
  reset(cfg.kind, cfg.panes, true);
  await nextPaint();
  const box = document.getElementById('composer') as HTMLTextAreaElement;
  box.focus();
  const latencies: number[] = [];
  let pressedAt: number | undefined;
  const onKey = (e: KeyboardEvent) => (pressedAt = e.timeStamp);
  const onInput = () => {
    const at = pressedAt;
    pressedAt = undefined;
    if (at === undefined) return;
    void nextPaint().then((paintedAt) => latencies.push(paintedAt - at));
  };
  box.addEventListener('keydown', onKey);
  box.addEventListener('input', onInput);
  const recorder = startRecorder();
  const feed = cfg.panes > 0 ? startFeed({ ...cfg, durationMs: Number.POSITIVE_INFINITY }) : undefined;
  typing = {
    ...(feed ? { feed } : {}),
    recorder,
    latencies,
    detach() {
      box.removeEventListener('keydown', onKey);
      box.removeEventListener('input', onInput);
    },
  };
}

async function stopTyping(): Promise<TypingResult> {
  if (!typing) throw new Error('typing was not started');
  const t = typing;
  typing = undefined;
  t.feed?.stop();
  await nextPaint();
  t.recorder.stop();
  t.detach();
  reset('memo', 0, false);
  return { latencies: t.latencies, frameTimes: t.recorder.frameTimes, longTasks: t.recorder.longTasks };
}

const api = { stream, cost, startTyping, stopTyping };
export type BenchApi = typeof api;
// Measured as the app renders once math and highlighting have loaded (the page waits for `bench`).
void loadRichMarkdown().then(() => Object.assign(window, { bench: api }));

createRoot(document.getElementById('root')!).render(<Bench />);
