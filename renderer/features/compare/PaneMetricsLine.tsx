import { formatDuration, formatRate, formatTokens } from '../../../shared/compare-metrics';
import { formatUsd } from '../../../shared/cost';
import type { ComparePane } from '../../state/compare-store';
import { useCompare } from '../../state/compare-store';
import { useConnections } from '../../state/connections-store';
import { useConversations } from '../../state/conversations-store';
import { useStreams } from '../../state/streams-store';
import { isStreaming, paneMetrics } from './pane-metrics';
import { useNow } from './use-now';

/** The measured numbers of one pane. Ticks while its answer is being written, alone. */
export function PaneMetricsLine({ pane }: { pane: ComparePane }) {
  const live = useStreams((s) => s.byMessage[pane.messageId]);
  const final = useCompare((s) => s.finals[pane.messageId]);
  const message = useConversations((s) => s.messages.find((m) => m.id === pane.messageId));
  const streaming = isStreaming({ live, final, message });
  const now = useNow(streaming);
  const m = paneMetrics({ pane, live, final, message }, now);
  // A model on this machine costs nothing, whether or not the reply reported its tokens.
  const local = useConnections((s) => s.connections.find((c) => c.id === pane.model.connectionId)?.local ?? false);
  const costUsd = m.costUsd ?? (local ? 0 : undefined);

  return (
    <dl className="cmp-metrics" aria-label="Measured on this machine">
      <div title="Time from sending to the first token">
        <dt>First token</dt>
        <dd data-metric="first-token">{m.firstTokenMs === undefined ? '—' : formatDuration(m.firstTokenMs)}</dd>
      </div>
      <div title="Output tokens per second, from the first token to the end">
        <dt>Speed</dt>
        <dd data-metric="rate">{m.tokensPerSecond === undefined ? '—' : formatRate(m.tokensPerSecond)}</dd>
      </div>
      <div title={m.outputEstimated ? 'Tokens in / out (out estimated as characters ÷ 4 until the provider reports usage)' : 'Tokens in / out, as the provider counted them'}>
        <dt>Tokens</dt>
        <dd data-metric="tokens">
          {m.inputTokens === undefined ? '—' : formatTokens(m.inputTokens)} in · {formatTokens(m.outputTokens, m.outputEstimated)} out
        </dd>
      </div>
      <div title={costUsd === undefined ? 'No price is known for this model' : 'Cost from the provider token counts and the catalog price'}>
        <dt>Cost</dt>
        <dd data-metric="cost">{costUsd === undefined ? (streaming ? '—' : 'price unknown') : formatUsd(costUsd)}</dd>
      </div>
      <div title="Time from sending to the last token">
        <dt>Total</dt>
        <dd data-metric="total">{formatDuration(m.totalMs)}</dd>
      </div>
    </dl>
  );
}
