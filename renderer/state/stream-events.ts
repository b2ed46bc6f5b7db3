// Where stream batches from main land: live text goes to the streams store; when a reply ends,
// the conversation is re-read (the store has the final text by then) and the live copy dropped.
import type { StreamEvent } from '../../shared/types';
import { useConversations } from './conversations-store';
import { useStreams } from './streams-store';

export async function receiveStreamEvents(events: StreamEvent[]): Promise<void> {
  const ended = useStreams.getState().apply(events);
  if (ended.length === 0) return;
  await useConversations.getState().refresh();
  const streams = useStreams.getState();
  for (const streamId of ended) {
    const messageId = streams.messageOfStream[streamId];
    if (messageId) streams.clear(messageId);
  }
}
