// The renderer's stores against a window.enclave whose answers arrive in the orders Electron IPC
// and the harness's HTTP + event stream can deliver them: a reply's end may beat the send call's
// return, and a slow re-read of the conversation may land after a newer one.
import { beforeEach, describe, expect, test } from 'vitest';
import type { Conversation, Message, StreamEvent } from '../../shared/types';

interface Pending { resolve(value: unknown): void }
const calls: { name: string; request: unknown; answer: Pending }[] = [];

function fakeEnclave() {
  return new Proxy({}, {
    get: (_t, name: string) => (request: unknown) =>
      new Promise((resolve) => calls.push({ name, request, answer: { resolve: (value) => resolve({ ok: true, value }) } })),
  });
}
(globalThis as { window?: unknown }).window = { enclave: fakeEnclave() };

const { useConversations } = await import('../../renderer/state/conversations-store');
const { useStreams } = await import('../../renderer/state/streams-store');
const { receiveStreamEvents } = await import('../../renderer/state/stream-events');
const { shownMessage: shownReply } = await import('../../renderer/state/streams-store');

const conversation: Conversation = { id: 'c1', title: 'Chat', createdAt: 1, updatedAt: 1, pinned: false, localOnly: false, currentLeafId: 'a1' };
const user: Message = { id: 'u1', conversationId: 'c1', parentId: null, role: 'user', content: 'hi', status: 'complete', createdAt: 1, updatedAt: 1 };
const reply = (content: string, status: Message['status']): Message => ({
  id: 'a1', conversationId: 'c1', parentId: 'u1', role: 'assistant', content, status, createdAt: 2, updatedAt: 2,
  model: { connectionId: 'k1', modelId: 'llama3.2:3b' },
});
const whole: StreamEvent[] = [
  { kind: 'start', streamId: 's1', messageId: 'a1', model: { connectionId: 'k1', modelId: 'llama3.2:3b' } },
  { kind: 'text-delta', streamId: 's1', text: 'Instant answer.' },
  { kind: 'finish', streamId: 's1', reason: 'stop', timing: { totalMs: 5 } },
];

/** Lets queued promise callbacks run until the fake has a call by that name waiting. */
async function next(name: string): Promise<(typeof calls)[number]> {
  for (let i = 0; i < 50; i++) {
    const at = calls.findIndex((c) => c.name === name);
    if (at >= 0) return calls.splice(at, 1)[0]!;
    await new Promise((r) => setTimeout(r, 0));
  }
  throw new Error(`no ${name} call; waiting: ${calls.map((c) => c.name).join(', ')}`);
}
const answerLists = () => { for (const c of calls.splice(0).filter((c) => c.name === 'listConversations')) c.answer.resolve([conversation]); };

beforeEach(async () => {
  calls.length = 0;
  useStreams.setState({ byMessage: {}, messageOfStream: {} });
  const opening = useConversations.getState().open('c1');
  (await next('getConversation')).answer.resolve({ conversation, messages: [user] });
  await opening;
  useConversations.getState().setModel({ connectionId: 'k1', modelId: 'llama3.2:3b' });
});

describe('a reply racing the send call', () => {
  test('a reply that ends before the send call returns is not left streaming', async () => {
    const sending = useConversations.getState().send('hi', null);
    const sendCall = await next('sendMessage');
    const ended = receiveStreamEvents(whole);
    (await next('getConversation')).answer.resolve({ conversation, messages: [user, reply('Instant answer.', 'complete')] });
    answerLists();
    await ended;
    sendCall.answer.resolve({ streamId: 's1', userMessageId: 'u1', assistantMessageId: 'a1' });
    (await next('getConversation')).answer.resolve({ conversation, messages: [user, reply('Instant answer.', 'complete')] });
    answerLists();
    await sending;
    expect(Object.values(useStreams.getState().byMessage).filter((l) => !l.done)).toEqual([]);
    expect(useConversations.getState().messages.at(-1)?.status).toBe('complete');
  });

  test('a slow re-read from before the end does not bring back the half-written reply', async () => {
    const sending = useConversations.getState().send('hi', null);
    (await next('sendMessage')).answer.resolve({ streamId: 's1', userMessageId: 'u1', assistantMessageId: 'a1' });
    // The send's own re-read leaves first, while the reply is still being written...
    const stale = await next('getConversation');
    // ...and the reply ends; the end-of-stream re-read answers first.
    const ended = receiveStreamEvents(whole);
    (await next('getConversation')).answer.resolve({ conversation, messages: [user, reply('Instant answer.', 'complete')] });
    answerLists();
    await ended;
    stale.answer.resolve({ conversation, messages: [user, reply('Inst', 'streaming')] });
    answerLists();
    await sending;
    const last = useConversations.getState().messages.at(-1)!;
    expect(last.status).toBe('complete');
    expect(shownReply(last, useStreams.getState().byMessage[last.id]).text).toBe('Instant answer.');
  });

  test('a re-read in the middle of a stream does not show the streamed text twice', async () => {
    const sending = useConversations.getState().send('hi', null);
    (await next('sendMessage')).answer.resolve({ streamId: 's1', userMessageId: 'u1', assistantMessageId: 'a1' });
    void receiveStreamEvents(whole.slice(0, 2));
    // The store wrote the first part of the stream before the send's re-read reached it.
    (await next('getConversation')).answer.resolve({ conversation, messages: [user, reply('## Part 1:', 'streaming')] });
    answerLists();
    await sending;
    void receiveStreamEvents([{ kind: 'text-delta', streamId: 's1', text: '\n\n## Part 1: reading a stream' }]);
    const last = useConversations.getState().messages.at(-1)!;
    expect(shownReply(last, useStreams.getState().byMessage[last.id]).text).toBe('Instant answer.\n\n## Part 1: reading a stream');
  });

  test('continuing a reply shows the old text once, then the new text', async () => {
    const partial = reply('The first half', 'interrupted');
    useConversations.setState({ messages: [user, partial] });
    const continuing = useConversations.getState().continueReply('a1');
    (await next('continueMessage')).answer.resolve({ streamId: 's2', assistantMessageId: 'a1' });
    void receiveStreamEvents([
      { kind: 'start', streamId: 's2', messageId: 'a1', model: { connectionId: 'k1', modelId: 'llama3.2:3b' } },
      { kind: 'text-delta', streamId: 's2', text: ' and the second.' },
    ]);
    (await next('getConversation')).answer.resolve({ conversation, messages: [user, reply('The first half and the', 'streaming')] });
    answerLists();
    await continuing;
    const last = useConversations.getState().messages.at(-1)!;
    expect(shownReply(last, useStreams.getState().byMessage[last.id]).text).toBe('The first half and the second.');
  });
});

describe('opening a conversation', () => {
  test('restores the model its latest reply came from, not the one used elsewhere', async () => {
    useConversations.getState().setModel({ connectionId: 'remote', modelId: 'gpt-4o' });
    const opening = useConversations.getState().open('c2');
    (await next('getConversation')).answer.resolve({ conversation: { ...conversation, id: 'c2' }, messages: [user, reply('Local words.', 'complete')] });
    await opening;
    expect(useConversations.getState().model).toEqual({ connectionId: 'k1', modelId: 'llama3.2:3b' });
  });

  test('keeps the model picked for a chat that has no reply yet, also across its refreshes', async () => {
    useConversations.getState().setModel({ connectionId: 'remote', modelId: 'gpt-4o' });
    const opening = useConversations.getState().open('c3');
    (await next('getConversation')).answer.resolve({ conversation: { ...conversation, id: 'c3', currentLeafId: null }, messages: [] });
    await opening;
    expect(useConversations.getState().model).toEqual({ connectionId: 'remote', modelId: 'gpt-4o' });
  });
});
