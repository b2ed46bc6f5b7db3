import { useMemo } from 'react';
import { formatDuration, formatRate, formatTokens, summarize, type Best } from '../../../shared/compare-metrics';
import { formatUsd } from '../../../shared/cost';
import { useCompare, type ComparePane } from '../../state/compare-store';
import { useConversations } from '../../state/conversations-store';
import { useStreams } from '../../state/streams-store';
import { isFailed, paneMetrics } from './pane-metrics';

/** Fastest first token, fastest generation, cheapest, longest. Re-renders on first tokens and ends, not on every token. */
export function CompareSummary({ panes }: { panes: ComparePane[] }) {
  const milestones = useStreams((s) =>
    panes
      .map((p) => {
        const l = s.byMessage[p.messageId];
        return l ? `${l.firstTokenMs ?? ''}:${l.done}` : '';
      })
      .join('|'),
  );
  const finals = useCompare((s) => s.finals);
  const messages = useConversations((s) => s.messages);

  const summary = useMemo(() => {
    const byMessage = useStreams.getState().byMessage;
    return summarize(
      panes.map((pane) => {
        const sources = { pane, live: byMessage[pane.messageId], final: finals[pane.messageId], message: messages.find((m) => m.id === pane.messageId) };
        return { id: pane.messageId, metrics: paneMetrics(sources, performance.now()), failed: isFailed(sources) };
      }),
    );
    // `milestones` stands for the live entries read through getState().
  }, [panes, finals, messages, milestones]);

  const name = (best: Best) => {
    if (best.ties > 1) return <strong>{best.ties === panes.length ? 'all' : `${best.ties} tied`}</strong>;
    const i = panes.findIndex((p) => p.messageId === best.id);
    if (i < 0) return null;
    return (
      <>
        <span className="cmp-chip-num" aria-label={`answer ${i + 1}`}>
          {i + 1}
        </span>
        <strong className="cmp-summary-model" title={panes[i]!.model.modelId}>
          {panes[i]!.model.modelId}
        </strong>
      </>
    );
  };
  const items: { label: string; best?: Best; value: (v: number) => string }[] = [
    { label: 'First token', best: summary.fastestFirstToken, value: formatDuration },
    { label: 'Fastest', best: summary.fastestRate, value: formatRate },
    { label: 'Cheapest', best: summary.cheapest, value: formatUsd },
    { label: 'Longest', best: summary.longest, value: (v) => `${formatTokens(v)} tokens` },
  ];

  return (
    <dl className="cmp-summary" aria-label="Summary">
      {items.map((item) => (
        <div key={item.label}>
          <dt>{item.label}</dt>
          <dd>
            {item.best ? (
              <>
                {name(item.best)} <span className="muted">{item.value(item.best.value)}</span>
              </>
            ) : (
              <span className="muted">—</span>
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}
