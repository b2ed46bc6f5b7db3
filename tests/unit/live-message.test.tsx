import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it } from 'vitest';
import type { Message } from '../../shared/types';
import { MessageMarkdown } from '../../renderer/features/markdown/MessageMarkdown';
import { shownMessage, useStreams } from '../../renderer/state/streams-store';

const reply = (content: string, reasoning = ''): Message =>
  ({ id: 'm1', conversationId: 'c1', parentId: 'u1', role: 'assistant', content, reasoning, status: 'streaming', createdAt: 0 }) as Message;

function stream(events: Parameters<ReturnType<typeof useStreams.getState>['apply']>[0]): void {
  useStreams.getState().apply(events);
}

afterEach(() => useStreams.setState({ byMessage: {}, messageOfStream: {} }));

describe('a streaming reply re-read from the store while it streams', () => {
  // Issue 20: "Part 1:## Part 1: reading a stream" while streaming. The conversation is re-read
  // after sendMessage returns; by then the engine has persisted the first tokens, and the
  // stored copy was shown in front of the streamed text, which holds the same tokens.
  it('shows the heading once, not the persisted part in front of the streamed text', () => {
    stream([
      { kind: 'start', streamId: 's1', messageId: 'm1' },
      { kind: 'text-delta', streamId: 's1', text: '## Part 1: reading a stream\n\nFirst' },
    ] as never);
    useStreams.getState().begin('s1', 'm1');
    const { text } = shownMessage(reply('## Part 1:'), useStreams.getState().byMessage.m1);
    const html = renderToStaticMarkup(<MessageMarkdown text={text} streaming />);
    expect(html).toContain('<h2>Part 1: reading a stream</h2>');
    expect(html).not.toContain('##');
  });

  it('keeps the text a continued reply began with, once', () => {
    useStreams.getState().begin('s2', 'm1', { text: 'The answer is', reasoning: 'think' });
    stream([{ kind: 'text-delta', streamId: 's2', text: ' 42.' }] as never);
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
    useStreams.getState().begin('s3', 'm1');
    stream([{ kind: 'text-delta', streamId: 's3', text: 'Hello' }] as never);
    useStreams.getState().halt('s3');
    // Text the engine had already sent when Stop was pressed arrives afterwards.
    stream([{ kind: 'text-delta', streamId: 's3', text: ', world' }, { kind: 'finish', streamId: 's3' }] as never);
    const live = useStreams.getState().byMessage.m1;
    expect(live?.text).toBe('Hello');
    expect(live?.done).toBe(true);
  });
});
