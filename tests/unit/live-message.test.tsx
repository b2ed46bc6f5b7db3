import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it } from 'vitest';
import type { Conversation, Message, StreamEvent } from '../../shared/types';
import { MessageMarkdown } from '../../renderer/features/markdown/MessageMarkdown';
import { shownMessage, useStreams } from '../../renderer/state/streams-store';

const reply = (content: string, reasoning = ''): Message =>
  ({ id: 'm1', conversationId: 'c1', parentId: 'u1', role: 'assistant', content, reasoning, status: 'streaming', createdAt: 0 }) as Message;

function stream(events: StreamEvent[]): void {
  useStreams.getState().apply(events);
}

const conversation: Conversation = { id: 'c1', title: 'Chat', createdAt: 0, updatedAt: 0, pinned: false, localOnly: false, currentLeafId: 'm1' };
/** The start event as the engine sends it: with the reply row as it stood when the stream began. */
const start = (streamId: string, row: Message): StreamEvent => ({
  kind: 'start',
  streamId,
  messageId: row.id,
  model: { connectionId: 'k1', modelId: 'm' },
  rows: { conversation, messages: [row] },
});

afterEach(() => useStreams.getState().reset());

describe('a streaming reply re-read from the store while it streams', () => {
  // Issue 20: "Part 1:## Part 1: reading a stream" while streaming: a copy of the message read
  // after the engine persisted the first tokens was shown in front of the streamed text, which
  // holds the same tokens.
  it('shows the heading once, not the persisted part in front of the streamed text', () => {
    stream([start('s1', reply('')), { kind: 'text-delta', streamId: 's1', text: '## Part 1: reading a stream\n\nFirst', atMs: 10 }]);
    const { text } = shownMessage(reply('## Part 1:'), useStreams.getState().byMessage.m1);
    const html = renderToStaticMarkup(<MessageMarkdown text={text} streaming />);
    expect(html).toContain('<h2>Part 1: reading a stream</h2>');
    expect(html).not.toContain('##');
  });

  it('keeps the text a continued reply began with, once', () => {
    stream([start('s2', reply('The answer is', 'think')), { kind: 'text-delta', streamId: 's2', text: ' 42.', atMs: 10 }]);
    const live = useStreams.getState().byMessage.m1;
    // The store now holds a persisted part of the continuation as well.
    expect(shownMessage({ content: 'The answer is 4', reasoning: 'think' }, live)).toEqual({ text: 'The answer is 42.', reasoning: 'think' });
  });

  it('shows the stored message once nothing streams', () => {
    expect(shownMessage({ content: 'done' }, undefined)).toEqual({ text: 'done', reasoning: '' });
  });
});

describe('Stop', () => {
  it('stops the reply growing at once, before the engine confirms', () => {
    stream([start('s3', reply('')), { kind: 'text-delta', streamId: 's3', text: 'Hello', atMs: 10 }]);
    useStreams.getState().halt('s3');
    // Text the engine had already sent when Stop was pressed arrives afterwards.
    stream([
      { kind: 'text-delta', streamId: 's3', text: ', world', atMs: 20 },
      { kind: 'finish', streamId: 's3', reason: 'aborted', timing: { totalMs: 25 } },
    ]);
    const live = useStreams.getState().byMessage.m1;
    expect(live?.text).toBe('Hello');
    expect(live?.done).toBe(true);
  });
});
