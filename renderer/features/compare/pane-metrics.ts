// One pane's numbers. Live and saved figures come from the same clock: the engine stamps the
// first token and each batch's arrival (ms since it started the turn) on the stream events and
// saves the same first-token time with the reply, so the live TTFT is the final one and the rate
// does not jump when the answer ends. Only the running total ticks on this window's clock.
import { measure, type PaneMetrics } from '../../../shared/compare-metrics';
import type { Message } from '../../../shared/types';
import type { ComparePane } from '../../state/compare-store';
import type { LiveReply } from '../../state/streams-store';

export interface PaneSources {
  pane: ComparePane;
  live?: LiveReply;
  /** The saved answer its stream's end delivered (compare-store). */
  final?: Message;
  /** The answer as the open conversation holds it. */
  message?: Message;
}

const savedOf = (s: Pick<PaneSources, 'final' | 'message'>): Message | undefined => s.final ?? s.message;

export function paneText(s: Pick<PaneSources, 'live' | 'final' | 'message'>): { text: string; reasoning: string } {
  // A compare answer is always a fresh message, so the live text is the whole answer.
  if (s.live) return { text: s.live.text, reasoning: s.live.reasoning };
  const saved = savedOf(s);
  return { text: saved?.content ?? '', reasoning: saved?.reasoning ?? '' };
}

export function isStreaming(s: Pick<PaneSources, 'live' | 'final' | 'message'>): boolean {
  if (s.live) return !s.live.done;
  return savedOf(s)?.status === 'streaming';
}

/** Ended in an error or was stopped before it finished. */
export function isFailed(s: Pick<PaneSources, 'live' | 'final' | 'message'>): boolean {
  const status = savedOf(s)?.status;
  return !!s.live?.error || status === 'error' || status === 'interrupted';
}

/** `now`: performance.now(), for the running total only. */
export function paneMetrics(s: PaneSources, now: number): PaneMetrics {
  const { text, reasoning } = paneText(s);
  const chars = text.length + reasoning.length;
  const saved = savedOf(s);
  if (!s.live && saved && saved.status !== 'streaming' && saved.timing?.totalMs !== undefined) {
    const { firstTokenMs, totalMs } = saved.timing;
    return measure({ startedAt: 0, firstTokenAt: firstTokenMs, endedAt: totalMs, now: totalMs, chars, usage: saved.usage, costUsd: saved.costUsd });
  }
  const live = s.live;
  const elapsed = Math.max(0, now - s.pane.sentAt);
  return measure({
    startedAt: 0,
    firstTokenAt: live?.firstTokenMs,
    lastTokenAt: live?.lastTokenMs,
    endedAt: live?.totalMs,
    // The first token cannot come after "now": the engine's clock started a little after this window sent.
    now: Math.max(elapsed, live?.lastTokenMs ?? 0, live?.firstTokenMs ?? 0),
    chars,
    usage: live?.usage ?? saved?.usage,
    costUsd: live?.costUsd ?? saved?.costUsd,
  });
}
