import { useDeferredValue, useMemo } from 'react';
import { diffStats, diffWords } from '../../../shared/diff';
import { useCompare, type ComparePane } from '../../state/compare-store';
import { useConversations } from '../../state/conversations-store';
import { useStreams } from '../../state/streams-store';

function useAnswerText(messageId: string | undefined): string {
  const live = useStreams((s) => (messageId ? s.byMessage[messageId]?.text : undefined));
  const final = useCompare((s) => (messageId ? s.finals[messageId]?.content : undefined));
  const saved = useConversations((s) => (messageId ? s.messages.find((m) => m.id === messageId)?.content : undefined));
  return live ?? final ?? saved ?? '';
}

/** Word-level differences between two answers: struck words only in the first, marked words only in the second. */
export function DiffPanel({ panes, a, b }: { panes: ComparePane[]; a: number; b: number }) {
  const setDiff = useCompare((s) => s.setDiff);
  const textA = useDeferredValue(useAnswerText(panes[a]?.messageId));
  const textB = useDeferredValue(useAnswerText(panes[b]?.messageId));
  const parts = useMemo(() => diffWords(textA, textB), [textA, textB]);
  const stats = useMemo(() => diffStats(parts), [parts]);
  const label = (i: number) => `${i + 1} · ${panes[i]?.model.modelId ?? ''}`;

  return (
    <section className="cmp-diff" aria-label="Differences between two answers">
      <header className="cmp-diff-head">
        <label>
          <span className="small muted">From</span>
          <select aria-label="First answer" value={a} onChange={(e) => setDiff({ a: Number(e.target.value), b })}>
            {panes.map((_, i) => (
              <option key={i} value={i}>
                {label(i)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span className="small muted">to</span>
          <select aria-label="Second answer" value={b} onChange={(e) => setDiff({ a, b: Number(e.target.value) })}>
            {panes.map((_, i) => (
              <option key={i} value={i}>
                {label(i)}
              </option>
            ))}
          </select>
        </label>
        <span className="small" data-testid="diff-stats">
          <del>−{stats.deleted}</del> <ins>+{stats.inserted}</ins> <span className="muted">words · {stats.equal} the same</span>
        </span>
        <button className="ghost" onClick={() => setDiff(undefined)} aria-label="Close the diff">
          ×
        </button>
      </header>
      {a === b ? (
        <p className="muted small">Choose two different answers.</p>
      ) : parts.length === 0 ? (
        <p className="muted small">Both answers are empty so far.</p>
      ) : (
        <div className="cmp-diff-text" tabIndex={0} aria-label={`Answer ${a + 1} against answer ${b + 1}`}>
          {parts.map((p, i) => (p.kind === 'equal' ? <span key={i}>{p.text}</span> : p.kind === 'insert' ? <ins key={i}>{p.text}</ins> : <del key={i}>{p.text}</del>))}
        </div>
      )}
    </section>
  );
}
