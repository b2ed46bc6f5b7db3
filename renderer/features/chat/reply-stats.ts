// A saved reply's numbers, measured on this machine by the engine: output tokens, generation speed
// and total time, as one short line ("128 tokens · 42.0 tok/s · 3.4 s").
import { formatDuration, formatRate, formatTokens, measure } from '../../../shared/compare-metrics';
import type { Message } from '../../../shared/types';

export function replyStats(message: Message): string | undefined {
  const timing = message.timing;
  if (message.role !== 'assistant' || message.status === 'streaming' || timing?.totalMs === undefined) return undefined;
  const m = measure({
    startedAt: 0,
    firstTokenAt: timing.firstTokenMs,
    endedAt: timing.totalMs,
    now: timing.totalMs,
    chars: message.content.length + (message.reasoning?.length ?? 0),
    usage: message.usage,
  });
  if (m.firstTokenMs === undefined) return undefined;
  const tokens = `${formatTokens(m.outputTokens, m.outputEstimated)} ${m.outputTokens === 1 ? 'token' : 'tokens'}`;
  return [tokens, m.tokensPerSecond === undefined ? undefined : formatRate(m.tokensPerSecond), formatDuration(m.totalMs)].filter(Boolean).join(' · ');
}
