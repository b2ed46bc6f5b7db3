import { RotateCcw, Square } from 'lucide-react';
import { memo } from 'react';
import { useCompare, type ComparePane } from '../../state/compare-store';
import { useConnections } from '../../state/connections-store';
import { useConversations } from '../../state/conversations-store';
import { useStreams } from '../../state/streams-store';
import { PaneBody } from './PaneBody';
import { PaneMetricsLine } from './PaneMetricsLine';
import { paneDomId, modLabel } from './compare-keys';
import type { ScrollSync } from './use-scroll-sync';

type PaneStatus = 'streaming' | 'error' | 'stopped' | 'done';

function usePaneStatus(messageId: string): PaneStatus {
  const live = useStreams((s) => {
    const l = s.byMessage[messageId];
    if (!l) return undefined;
    return l.done ? (l.error ? 'error' : 'ended') : 'streaming';
  });
  const final = useCompare((s) => {
    const m = s.finals[messageId];
    return m?.error ? 'error' : m?.status;
  });
  const stored = useConversations((s) => {
    const m = s.messages.find((x) => x.id === messageId);
    return m?.error ? 'error' : m?.status;
  });
  const saved = final ?? stored;
  if (live === 'streaming' || (!live && saved === 'streaming')) return 'streaming';
  if (live === 'error' || saved === 'error') return 'error';
  if (saved === 'interrupted') return 'stopped';
  return 'done';
}

const STATUS_LABEL: Record<PaneStatus, string> = { streaming: 'writing…', error: 'failed', stopped: 'stopped', done: 'done' };

interface Props {
  index: number;
  pane: ComparePane;
  sync: ScrollSync;
  follow: boolean;
}

export const ComparePaneCard = memo(function ComparePaneCard({ index, pane, sync, follow }: Props) {
  const connection = useConnections((s) => s.connections.find((c) => c.id === pane.model.connectionId));
  const status = usePaneStatus(pane.messageId);
  const stop = useCompare((s) => s.stop);
  const retry = useCompare((s) => s.retry);
  const pick = useCompare((s) => s.pick);
  const n = index + 1;
  const connectionName = connection?.name ?? 'removed connection';

  return (
    <section
      className="cmp-pane"
      id={paneDomId(index)}
      tabIndex={-1}
      aria-label={`Answer ${n}: ${pane.model.modelId} via ${connectionName}`}
      aria-busy={status === 'streaming'}
      data-status={status}
    >
      <header className="cmp-pane-head">
        <span className="cmp-pane-num" title={`Alt+${n} focuses this answer`} aria-hidden>
          {n}
        </span>
        <div className="cmp-pane-title">
          <strong className="cmp-model">{pane.model.modelId}</strong>
          <span className="muted small">{connectionName}</span>
        </div>
        {connection && <span className={`badge ${connection.local ? 'local' : 'remote'}`}>{connection.local ? 'local' : 'cloud'}</span>}
        <span className={`cmp-status ${status}`} data-testid="pane-status">
          {STATUS_LABEL[status]}
        </span>
      </header>
      <PaneMetricsLine pane={pane} />
      <PaneBody pane={pane} sync={sync} follow={follow} />
      <footer className="cmp-pane-actions">
        {status === 'streaming' ? (
          <button className="danger" onClick={() => void stop(index)} aria-label={`Stop answer ${n}`}>
            <Square size={14} aria-hidden fill="currentColor" /> Stop
          </button>
        ) : (
          <>
            <button className="ghost" onClick={() => void retry(index)} aria-label={`Retry answer ${n}`} title="Ask this model again; the old answer stays as a branch">
              <RotateCcw size={14} aria-hidden /> Retry
            </button>
            <CopyButton messageId={pane.messageId} n={n} />
          </>
        )}
        <button
          className="primary cmp-use"
          onClick={() => void pick(index)}
          aria-label={`Use answer ${n}`}
          title={`Continue the chat from this answer (${modLabel('Alt+Shift+')}${n})`}
        >
          Use this answer
        </button>
      </footer>
    </section>
  );
});

function CopyButton({ messageId, n }: { messageId: string; n: number }) {
  const copy = () => {
    const text =
      useStreams.getState().byMessage[messageId]?.text ??
      useCompare.getState().finals[messageId]?.content ??
      useConversations.getState().messages.find((m) => m.id === messageId)?.content ??
      '';
    void navigator.clipboard.writeText(text);
  };
  return (
    <button className="ghost" onClick={copy} aria-label={`Copy answer ${n}`}>
      Copy
    </button>
  );
}
