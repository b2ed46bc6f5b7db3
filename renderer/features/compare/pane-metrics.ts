// One pane's numbers. While an answer streams they are measured here as batches arrive; once it
// is saved, the engine's own timing (taken as bytes arrive from the provider, on this machine)
// replaces them, because a busy renderer applies the last batches late and would understate a
// fast local model.
import { measure, type PaneMetrics } from '../../../shared/compare-metrics';
import type { Message } from '../../../shared/types';
import type { ComparePane, PaneFinal } from '../../state/compare-store';
import type { LiveReply } from '../../state/streams-store';

export interface PaneSources {
  pane: ComparePane;
  live?: LiveReply;
  final?: PaneFinal;
  message?: Message;
}

export function paneText(s: Pick<PaneSources, 'live' | 'message'>): { text: string; reasoning: string } {
  // A compare answer is always a fresh message, so the live text is the whole answer.
  if (s.live) return { text: s.live.text, reasoning: s.live.reasoning };
  return { text: s.message?.content ?? '', reasoning: s.message?.reasoning ?? '' };
}

export function isStreaming(s: Pick<PaneSources, 'live' | 'final' | 'message'>): boolean {
  if (s.live) return !s.live.done;
  return !s.final && s.message?.status === 'streaming';
}

/** Ended in an error or was stopped before it finished. */
export function isFailed(s: Pick<PaneSources, 'live' | 'final' | 'message'>): boolean {
  return !!s.live?.error || !!s.final?.failed || s.message?.status === 'error' || s.message?.status === 'interrupted';
}

export function paneMetrics(s: PaneSources, now: number): PaneMetrics {
  const { text, reasoning } = paneText(s);
  const timing = s.message?.timing;
  const ended = s.live?.endedAt ?? s.final?.endedAt;
  if (s.message && s.message.status !== 'streaming' && timing?.totalMs !== undefined) {
    return measure({
      startedAt: 0,
      firstTokenAt: timing.firstTokenMs,
      endedAt: timing.totalMs,
      now: timing.totalMs,
      chars: text.length + reasoning.length,
      usage: s.message.usage,
      costUsd: s.message.costUsd,
    });
  }
  return measure({
    startedAt: s.pane.sentAt,
    firstTokenAt: s.live?.firstTokenAt ?? s.final?.firstTokenAt,
    endedAt: ended,
    now,
    chars: text.length + reasoning.length,
    usage: s.live?.usage ?? s.final?.usage ?? s.message?.usage,
    costUsd: s.live?.costUsd ?? s.final?.costUsd ?? s.message?.costUsd,
  });
}
