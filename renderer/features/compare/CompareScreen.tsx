// One prompt, several models side by side: choose 2–6 models, send once, read the answers
// together (metrics, synchronised scrolling, word diff) and continue the chat from the best one.
import { Keyboard } from 'lucide-react';
import './compare.css';
import { useEffect, useMemo } from 'react';
import { useApp } from '../../state/app-store';
import { useCompare } from '../../state/compare-store';
import { useConnections } from '../../state/connections-store';
import { useConversations } from '../../state/conversations-store';
import { usePreferences } from '../../state/preferences-store';
import { ComparePaneCard } from './ComparePaneCard';
import { ComparePrompt } from './ComparePrompt';
import { CompareSets } from './CompareSets';
import { CompareSummary } from './CompareSummary';
import { DiffPanel } from './DiffPanel';
import { ModelSelection } from './ModelSelection';
import { compareKeyFor, modLabel, paneDomId } from './compare-keys';
import { describeRef } from './model-options';
import { useScrollSync } from './use-scroll-sync';

export function CompareScreen() {
  const loaded = useConnections((s) => s.loaded);
  const connections = useConnections((s) => s.connections);
  const models = useConnections((s) => s.models);
  const activeId = useConversations((s) => s.activeId);
  const conversation = useConversations((s) => s.conversation);
  const defaultLocalOnly = usePreferences((s) => s.prefs?.defaultLocalOnly ?? false);
  const chosen = useCompare((s) => s.models);
  const run = useCompare((s) => s.run);
  const error = useCompare((s) => s.error);
  const syncScroll = useCompare((s) => s.syncScroll);
  const setSyncScroll = useCompare((s) => s.setSyncScroll);
  const diff = useCompare((s) => s.diff);
  const setDiff = useCompare((s) => s.setDiff);
  const sync = useScrollSync(syncScroll);

  // A run belongs to its conversation; opening another one starts a fresh compare.
  const panes = run && run.conversationId === activeId ? run.panes : undefined;
  const localOnly = conversation ? conversation.localOnly : defaultLocalOnly;
  const blocked = useMemo(() => (localOnly ? chosen.map((r) => describeRef(r, connections, models)).filter((d) => !d.local) : []), [localOnly, chosen, connections, models]);
  const blockedReason = blocked.length ? `This conversation is locked to local models. Remove ${blocked.map((d) => d.label).join(', ')} to send.` : undefined;

  useEffect(() => {
    if (!panes) return;
    const onKey = (e: KeyboardEvent) => {
      const action = compareKeyFor(e, panes.length);
      if (!action) return;
      e.preventDefault();
      if (action.kind === 'focus') document.getElementById(paneDomId(action.index))?.focus();
      else void useCompare.getState().pick(action.index);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [panes]);

  if (loaded && connections.length === 0) {
    return (
      <div className="screen cmp-screen">
        <h1>Compare</h1>
        <div className="empty">
          <p>Compare needs at least one connection with two or more models (or two connections).</p>
          <button className="primary" onClick={() => useApp.getState().showAddConnection()}>
            Add a connection
          </button>
        </div>
      </div>
    );
  }

  return (
    <div className="cmp-screen">
      <div className="cmp-top">
        <div className="cmp-title-row">
          <h1>Compare</h1>
          <span className="muted small">{conversation ? <>in “{conversation.title || 'New chat'}”</> : 'A new conversation will be created'}</span>
          {localOnly && (
            <span className="badge local" title="Only models on this machine can be picked">
              local only
            </span>
          )}
          {conversation?.temperature !== undefined && (
            <span className="badge" title="The conversation’s temperature: every pane is sent it">
              temperature {conversation.temperature}
            </span>
          )}
          <span
            className="cmp-keys small muted"
            title={`${modLabel('Ctrl+')}Enter: send to all · ${modLabel('Alt+')}1…6: focus answer · ${modLabel('Alt+Shift+')}1…6: use answer · Esc: stop all`}
          >
            <Keyboard size={14} aria-hidden /> {modLabel('Ctrl+')}Enter send · {modLabel('Alt+')}1–6 focus · {modLabel('Alt+Shift+')}1–6 use
          </span>
        </div>
        <div className="cmp-setup">
          <ModelSelection localOnly={localOnly} />
          <CompareSets />
        </div>
        <ComparePrompt blockedReason={blockedReason} />
        {error && (
          <div className="error-notice" role="alert">
            {error}
          </div>
        )}
      </div>

      {panes ? (
        <>
          <div className="cmp-toolbar">
            <CompareSummary panes={panes} />
            <div className="cmp-tools">
              <label className="cmp-toggle" title="Scroll all answers together">
                <input type="checkbox" checked={syncScroll} onChange={(e) => setSyncScroll(e.target.checked)} />
                Sync scrolling
              </label>
              <button className={diff ? 'ghost active' : 'ghost'} aria-pressed={!!diff} disabled={panes.length < 2} onClick={() => setDiff(diff ? undefined : { a: 0, b: 1 })}>
                ± Diff
              </button>
            </div>
          </div>
          {diff && <DiffPanel panes={panes} a={Math.min(diff.a, panes.length - 1)} b={Math.min(diff.b, panes.length - 1)} />}
          <div className="cmp-grid" data-count={panes.length}>
            {panes.map((pane, i) => (
              <ComparePaneCard key={pane.messageId} index={i} pane={pane} sync={sync} follow={!syncScroll} />
            ))}
          </div>
        </>
      ) : (
        <div className="cmp-empty">
          <div className="empty">
            <p>
              <strong>
                {chosen.length < 2
                  ? `Pick ${chosen.length === 1 ? 'at least one more model (up to 6)' : '2–6 models'} and write one prompt.`
                  : `Write one prompt: it goes to all ${chosen.length} models at once.`}
              </strong>
            </p>
            <p className="muted small">
              Each answer streams in its own pane with time to first token, speed, tokens and cost measured on this machine. Pick the best one to continue the chat from it; the
              others stay as branches.
            </p>
          </div>
        </div>
      )}
    </div>
  );
}
