// What the compare view measures about each answer, on this machine. Pure, no I/O.
//
// Tokens per second is the generation rate: output tokens over the time from the first token to
// the end, so a slow first token (queueing, model load) does not hide a fast decoder. Output tokens
// come from the provider's usage when it arrives; before that they are estimated as chars / 4.
import type { Usage } from './types';

export interface MetricInput {
  /** All times in ms on one clock. */
  startedAt: number;
  firstTokenAt?: number;
  /** Undefined while the answer is still being written. */
  endedAt?: number;
  /**
   * While it is written: when its latest text arrived. The rate is measured up to that moment, not
   * to `now`, so it does not sag between batches and is the same sum the final figure does.
   */
  lastTokenAt?: number;
  now: number;
  /** Length of the answer text plus any reasoning text. */
  chars: number;
  usage?: Usage;
  costUsd?: number;
}

export interface PaneMetrics {
  running: boolean;
  firstTokenMs?: number;
  totalMs: number;
  outputTokens: number;
  /** True when outputTokens is the chars / 4 estimate, not the provider's count. */
  outputEstimated: boolean;
  inputTokens?: number;
  tokensPerSecond?: number;
  costUsd?: number;
}

/** Below this window a rate is noise (one batch of tokens arriving at once). */
const MIN_RATE_WINDOW_MS = 20;

export function estimateTokens(chars: number): number {
  return Math.ceil(chars / 4);
}

export function measure(input: MetricInput): PaneMetrics {
  const end = input.endedAt ?? input.now;
  const counted = input.usage?.outputTokens;
  const outputTokens = counted ?? estimateTokens(input.chars);
  const rateEnd = input.endedAt ?? input.lastTokenAt ?? input.now;
  const window = input.firstTokenAt === undefined ? 0 : rateEnd - input.firstTokenAt;
  return {
    running: input.endedAt === undefined,
    firstTokenMs: input.firstTokenAt === undefined ? undefined : Math.max(0, input.firstTokenAt - input.startedAt),
    totalMs: Math.max(0, end - input.startedAt),
    outputTokens,
    outputEstimated: counted === undefined,
    inputTokens: input.usage?.inputTokens,
    tokensPerSecond: window >= MIN_RATE_WINDOW_MS && outputTokens > 0 ? outputTokens / (window / 1000) : undefined,
    costUsd: input.costUsd,
  };
}

export interface SummaryInput {
  id: string;
  metrics: PaneMetrics;
  /** Ended in an error or was stopped: its rate and cost say little. */
  failed: boolean;
}

export interface Best {
  id: string;
  value: number;
  /** How many answers share this value (all local answers cost $0.00). */
  ties: number;
}

export interface CompareSummary {
  fastestFirstToken?: Best;
  fastestRate?: Best;
  cheapest?: Best;
  longest?: Best;
}

function best(entries: readonly SummaryInput[], pick: (m: PaneMetrics) => number | undefined, lowest: boolean): Best | undefined {
  let found: Best | undefined;
  for (const e of entries) {
    const value = pick(e.metrics);
    if (value === undefined) continue;
    if (!found || (lowest ? value < found.value : value > found.value)) found = { id: e.id, value, ties: 1 };
    else if (value === found.value) found.ties += 1;
  }
  return found;
}

/** The compact row above the panes. Only finished, successful answers compete for rate, cost and length. */
export function summarize(entries: readonly SummaryInput[]): CompareSummary {
  const finished = entries.filter((e) => !e.metrics.running && !e.failed);
  return {
    fastestFirstToken: best(entries, (m) => m.firstTokenMs, true),
    fastestRate: best(finished, (m) => m.tokensPerSecond, false),
    cheapest: best(finished, (m) => m.costUsd, true),
    longest: best(finished, (m) => m.outputTokens, false),
  };
}

/** "340 ms", "2.4 s", "1 m 05 s". */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)} m ${String(s % 60).padStart(2, '0')} s`;
}

/** "21.4 tok/s", "312 tok/s". */
export function formatRate(tokensPerSecond: number): string {
  return `${tokensPerSecond >= 100 ? Math.round(tokensPerSecond) : tokensPerSecond.toFixed(1)} tok/s`;
}

/** "1,204" or "~1,204" when estimated. */
export function formatTokens(n: number, estimated = false): string {
  return `${estimated ? '~' : ''}${n.toLocaleString('en-US')}`;
}
