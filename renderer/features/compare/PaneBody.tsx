import { memo, useLayoutEffect, useRef } from 'react';
import { useCompare, type ComparePane } from '../../state/compare-store';
import { useConversations } from '../../state/conversations-store';
import { useStreams } from '../../state/streams-store';
import { ErrorNotice } from '../chat/ErrorNotice';
import { FinishNotice } from '../chat/FinishNotice';
import { Reasoning } from '../chat/Reasoning';
import { MessageMarkdown } from '../markdown/MessageMarkdown';
import { isStreaming, paneText } from './pane-metrics';
import type { ScrollSync } from './use-scroll-sync';
import { followEnd } from './follow-end';

interface Props {
  pane: ComparePane;
  sync: ScrollSync;
  follow: boolean;
}

/** One answer's text. Subscribes only to its own message, so another pane's token never re-renders it. */
export const PaneBody = memo(function PaneBody({ pane, sync, follow }: Props) {
  const live = useStreams((s) => s.byMessage[pane.messageId]);
  const final = useCompare((s) => s.finals[pane.messageId]);
  const stored = useConversations((s) => s.messages.find((m) => m.id === pane.messageId));
  const message = final ?? stored;
  const continueReply = useConversations((s) => s.continueReply);
  const ref = useRef<HTMLDivElement>(null);
  const { text, reasoning } = paneText({ live, message });
  const streaming = isStreaming({ live, message });
  const error = live?.error ?? message?.error;
  const key = pane.messageId;

  useLayoutEffect(() => {
    sync.register(key, ref.current);
    return () => sync.register(key, null);
  }, [sync, key]);

  // Keep following the end of a growing answer, unless the reader scrolled up.
  const atEnd = useRef(true);
  useLayoutEffect(() => {
    const el = ref.current;
    if (el && follow && streaming && atEnd.current) followEnd(el);
  }, [text, follow, streaming]);

  return (
    <div
      className="cmp-pane-body"
      ref={ref}
      onScroll={(e) => {
        const el = e.currentTarget;
        atEnd.current = el.scrollHeight - el.scrollTop - el.clientHeight < 24;
        sync.onScroll(key);
      }}
    >
      {reasoning && <Reasoning text={reasoning} streaming={streaming && !text} />}
      <MessageMarkdown text={text} streaming={streaming} />
      {streaming && !text && !reasoning && (
        <span className="typing" aria-label="Waiting for the first token">
          ●●●
        </span>
      )}
      {!streaming && !text && !error && message?.status === 'interrupted' && <p className="muted small">Stopped before any text arrived.</p>}
      {error && <ErrorNotice error={error} />}
      {!streaming && !error && <FinishNotice finish={message?.finish} onContinue={() => void continueReply(pane.messageId)} />}
    </div>
  );
});
