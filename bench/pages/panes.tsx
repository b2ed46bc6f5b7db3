// The panes the render benchmark mounts: N streamed assistant messages, each subscribed to its own
// slice of a zustand store (one store update per pane per frame), plus a controlled textarea.
import { useLayoutEffect, useRef, useState } from 'react';
import { create } from 'zustand';
import { MessageMarkdown } from '../../renderer/features/markdown/MessageMarkdown';
import { NaiveMarkdown } from '../../renderer/features/markdown/NaiveMarkdown';
import { Streamdown } from 'streamdown';
import { followEnd } from '../../renderer/features/compare/follow-end';

/** memo: the app's MessageMarkdown; naive: the whole text re-parsed per update; streamdown: the library, as shipped. */
export type RendererKind = 'memo' | 'naive' | 'streamdown';

interface PanesState {
  kind: RendererKind;
  texts: string[];
  composer: boolean;
  /** False in the update-cost run, so MessageMarkdown renders every update at once (no deferral). */
  streaming: boolean;
}

export const usePanes = create<PanesState>(() => ({ kind: 'memo', texts: [], composer: false, streaming: true }));

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
  const streaming = usePanes((s) => s.streaming);
  const ref = useRef<HTMLElement>(null);
  // Follow the end of the growing answer, as the compare view's panes do (PaneBody.tsx).
  useLayoutEffect(() => {
    const el = ref.current;
    if (el && streaming) followEnd(el);
  }, [text, streaming]);
  return (
    <article ref={ref} className="message assistant bench-pane" data-pane={index}>
      {kind === 'memo' ? (
        <MessageMarkdown text={text} streaming={streaming} />
      ) : (
        // These render synchronously: what is committed is what the text says.
        <div data-chars={text.length}>{kind === 'naive' ? <NaiveMarkdown text={text} streaming /> : <Streamdown mode="streaming">{text}</Streamdown>}</div>
      )}
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
