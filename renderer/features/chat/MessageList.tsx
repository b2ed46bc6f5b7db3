import { useCallback, useEffect, useMemo, useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { Message } from '../../../shared/types';
import { indexChildren } from '../../../shared/tree';
import { useSearch } from '../../state/search-store';
import { MessageItem } from './MessageItem';

const ESTIMATED_ROW_PX = 120;

/**
 * Virtualised: only the rows in view exist in the DOM, so 10,000 messages open instantly. Mounted
 * once per conversation (ChatScreen keys it), and it opens at the end: its first render already
 * lays out the newest rows, instead of the oldest ones and then the newest after a scroll.
 */
export function MessageList({ path, allMessages }: { path: Message[]; allMessages: Message[] }) {
  const scrollRef = useRef<HTMLDivElement | null>(null);
  // Stable across renders: the virtualiser recomputes every row's position (10,000 on a long
  // conversation) whenever getItemKey is a new function, and the list renders whenever the rows in
  // view change and on every streamed token.
  const getItemKey = useCallback((i: number) => path[i]!.id, [path]);
  const virtualizer = useVirtualizer({
    count: path.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ESTIMATED_ROW_PX,
    // Rows render in the scroll event, before the frame paints, so few spare rows are needed;
    // each spare row is a Markdown render in every frame of a fast scroll.
    overscan: 2,
    getItemKey,
    initialOffset: () => path.length * ESTIMATED_ROW_PX,
  });
  // Attached before the virtualiser first reads the scroll position (its layout effect), so that
  // read is the end too.
  const attachScroller = useCallback((el: HTMLDivElement | null) => {
    scrollRef.current = el;
    if (el) el.scrollTop = el.scrollHeight;
  }, []);
  const lastId = path.at(-1)?.id;
  // Built once per conversation load, so each row finds its versions without scanning every message.
  const children = useMemo(() => indexChildren(allMessages), [allMessages]);

  // A long conversation opens with its newest messages and the older ones arrive just after:
  // when they do, stay at the end rather than at the same pixel offset (older text).
  const firstId = path[0]?.id;
  useEffect(() => {
    if (path.length > 0) virtualizer.scrollToIndex(path.length - 1, { align: 'end' });
    // Scroll to the end when the branch's last message changes, not on every render.
  }, [lastId, firstId]);

  // A finished reply grows (finish notice, usage line): follow it if the reader was at the end.
  const lastStatus = path.at(-1)?.status;
  useEffect(() => {
    const el = scrollRef.current;
    if (el && path.length > 0 && el.scrollHeight - el.scrollTop - el.clientHeight < 240) virtualizer.scrollToIndex(path.length - 1, { align: 'end' });
  }, [lastStatus]);

  // A search hit asked for this message: bring it into view (declared last so it wins over the end).
  const found = useSearch((s) => s.focusMessage);
  const foundIndex = found ? path.findIndex((m) => m.id === found.messageId) : -1;
  useEffect(() => {
    if (foundIndex >= 0) virtualizer.scrollToIndex(foundIndex, { align: 'center' });
  }, [found, foundIndex]);

  return (
    <div className="messages" ref={attachScroller} data-testid="messages">
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((row) => (
          <div
            key={row.key}
            data-index={row.index}
            ref={virtualizer.measureElement}
            className="message-row"
            data-found={row.key === found?.messageId ? 'true' : undefined}
            style={{ position: 'absolute', top: 0, left: 0, width: '100%', transform: `translateY(${row.start}px)` }}
          >
            <MessageItem message={path[row.index]!} siblings={children.get(path[row.index]!.parentId) ?? [path[row.index]!]} />
          </div>
        ))}
      </div>
    </div>
  );
}
