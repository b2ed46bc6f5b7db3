// Where stream batches from main land. A turn's events carry the rows the engine wrote, so the
// conversation is never re-read for a turn: a start adds the user message and the reply row, live
// text goes to the streams store, and the end swaps the live copy for the saved row in one step.
import type { Message, StreamEvent } from '../../shared/types';
import { useCompare } from './compare-store';
import { useConversations } from './conversations-store';
import { useStreams } from './streams-store';

export function receiveStreamEvents(events: StreamEvent[]): void {
  const conversations = useConversations.getState();
  // Rows first, so a reply's row exists before its live entry is drawn.
  for (const e of events) if (e.kind === 'start') conversations.receiveRows(e.rows.conversation, e.rows.messages);
  const streams = useStreams.getState();
  const ended = streams.apply(events);
  const saved: Message[] = [];
  for (const e of events) {
    // Also the end of a stream this window never saw begin (it started before an unlock).
    if ((e.kind === 'finish' || e.kind === 'error') && e.message) saved.push(e.message);
  }
  if (saved.length === 0) return;
  conversations.receiveRows(undefined, saved);
  useCompare.getState().keepFinals(saved);
  // A reply whose final write the disk refused keeps its live copy: it is all the window has.
  for (const end of ended) if (end.saved) streams.clear(end.messageId);
}
