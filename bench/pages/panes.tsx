// The panes the render benchmark mounts: N streamed assistant messages, each subscribed to its own
// slice of a zustand store (one store update per pane per frame), plus a controlled textarea.
import { useState } from 'react';
import { create } from 'zustand';
import { MessageMarkdown } from '../../renderer/features/markdown/MessageMarkdown';
import { NaiveMarkdown } from '../../renderer/features/markdown/NaiveMarkdown';

export type RendererKind = 'memo' | 'naive';

interface PanesState {
  kind: RendererKind;
  texts: string[];
  composer: boolean;
}

export const usePanes = create<PanesState>(() => ({ kind: 'memo', texts: [], composer: false }));

/** One store update for one pane: only that pane's selector changes. */
export function appendToPane(index: number, text: string): void {
  usePanes.setState((s) => {
    const texts = s.texts.slice();
    texts[index] = (texts[index] ?? '') + text;
    return { texts };
  });
}

export function setPaneText(index: number, text: string): void {
  usePanes.setState((s) => {
    const texts = s.texts.slice();
    texts[index] = text;
    return { texts };
  });
}

function Pane({ index }: { index: number }) {
  const text = usePanes((s) => s.texts[index] ?? '');
  const kind = usePanes((s) => s.kind);
  return (
    <article className="message assistant bench-pane" data-pane={index}>
      {kind === 'memo' ? <MessageMarkdown text={text} streaming /> : <NaiveMarkdown text={text} streaming />}
    </article>
  );
}

function Composer() {
  const [value, setValue] = useState('');
  return <textarea id="composer" aria-label="Message" value={value} onChange={(e) => setValue(e.target.value)} rows={3} />;
}

export function Bench() {
  const count = usePanes((s) => s.texts.length);
  const composer = usePanes((s) => s.composer);
  return (
    <div className="bench">
      {composer && <Composer />}
      <div className="bench-grid" style={{ gridTemplateColumns: `repeat(${Math.min(count, 3) || 1}, 1fr)` }}>
        {Array.from({ length: count }, (_, i) => (
          <Pane key={i} index={i} />
        ))}
      </div>
    </div>
  );
}
