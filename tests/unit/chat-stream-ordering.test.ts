// The renderer's stores against a window.enclave whose answers arrive in the orders Electron IPC
// and the harness's HTTP + event stream can deliver them: a reply's end may beat the send call's
// return, and a read of the conversation may have been taken before the rows a stream brought.
// A turn's rows come with its stream events, so a send is one call and nothing is re-read.
import { beforeEach, describe, expect, test } from 'vitest';
import type { Conversation, Message, StreamEvent } from '../../shared/types';

interface Pending {
  resolve(value: unknown): void;
}
const calls: { name: string; request: unknown; answer: Pending }[] = [];
/** Every contract call the stores made, in order, since the last reset. */
const made: string[] = [];

function fakeEnclave() {
  return new Proxy(
    {},
    {
      get: (_t, name: string) => (request: unknown) =>
        new Promise((resolve) => {
          made.push(name);
          calls.push({ name, request, answer: { resolve: (value) => resolve({ ok: true, value }) } });
        }),
    },
  );
}
(globalThis as { window?: unknown }).window = { enclave: fakeEnclave() };

const { useConversations } = await import('../../renderer/state/conversations-store');
const { useStreams, shownMessage } = await import('../../renderer/state/streams-store');
const { useCompare } = await import('../../renderer/state/compare-store');
const { receiveStreamEvents } = await import('../../renderer/state/stream-events');

const model = { connectionId: 'k1', modelId: 'llama3.2:3b' };
const conversation: Conversation = { id: 'c1', title: 'Chat', createdAt: 1, updatedAt: 1, pinned: false, localOnly: false, currentLeafId: 'u0' };
const earlier: Message = { id: 'u0', conversationId: 'c1', parentId: null, role: 'user', content: 'earlier', status: 'complete', createdAt: 1, updatedAt: 1 };
const user: Message = { id: 'u1', conversationId: 'c1', parentId: 'u0', role: 'user', content: 'hi', status: 'complete', createdAt: 2, updatedAt: 2 };
const reply = (content: string, status: Message['status'], extra: Partial<Message> = {}): Message => ({
  id: 'a1',
  conversationId: 'c1',
  parentId: 'u1',
  role: 'assistant',
  content,
  status,
  createdAt: 3,
  updatedAt: 3,
  model,
  ...extra,
});
const start = (streamId: string, rows: Message[], conv: Conversation = { ...conversation, currentLeafId: 'a1', updatedAt: 3 }): StreamEvent => ({
  kind: 'start',
  streamId,
  messageId: rows.at(-1)!.id,
  model,
  rows: { conversation: conv, messages: rows },
});
const finished = reply('Instant answer.', 'complete', { timing: { firstTokenMs: 4, totalMs: 5 } });
const whole: StreamEvent[] = [
  start('s1', [user, reply('', 'streaming')]),
  { kind: 'first-token', streamId: 's1', firstTokenMs: 4 },
  { kind: 'text-delta', streamId: 's1', text: 'Instant answer.', atMs: 4 },
  { kind: 'finish', streamId: 's1', reason: 'stop', timing: { firstTokenMs: 4, totalMs: 5 }, message: finished },
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
const settle = () => new Promise((r) => setTimeout(r, 0));
const last = () => useConversations.getState().messages.at(-1)!;
const shown = (m: Message) => shownMessage(m, useStreams.getState().byMessage[m.id]).text;

beforeEach(async () => {
  calls.length = 0;
  useStreams.getState().reset();
  const opening = useConversations.getState().open('c1');
  (await next('getConversation')).answer.resolve({ conversation, messages: [earlier] });
  await opening;
  useConversations.setState({ list: [conversation] });
  useConversations.getState().setModel(model);
  made.length = 0;
});

describe('one send, one call', () => {
  test('a send in an open conversation is one call; its rows and its end come with the stream', async () => {
    const sending = useConversations.getState().send('hi', 'u0');
    (await next('sendMessage')).answer.resolve({ streamId: 's1', userMessageId: 'u1', assistantMessageId: 'a1' });
    await sending;
    receiveStreamEvents(whole.slice(0, 3));
    expect(useConversations.getState().messages.map((m) => m.id)).toEqual(['u0', 'u1', 'a1']);
    expect(shown(last())).toBe('Instant answer.');
    expect(useConversations.getState().conversation?.currentLeafId).toBe('a1');
    receiveStreamEvents(whole.slice(3));
    await settle();
    expect(last()).toEqual(finished);
    expect(made).toEqual(['sendMessage']);
  });

  test('a send that starts a conversation is two calls: create it, send', async () => {
    await useConversations.getState().open(undefined);
    made.length = 0;
    const sending = useConversations.getState().send('hi', null);
    (await next('createConversation')).answer.resolve({ ...conversation, id: 'c9', title: '', currentLeafId: null, updatedAt: 9 });
    (await next('sendMessage')).answer.resolve({ streamId: 's9', userMessageId: 'u9', assistantMessageId: 'a9' });
    await sending;
    const row = (m: Message): Message => ({ ...m, id: `${m.id[0]}9`, conversationId: 'c9', parentId: m.role === 'user' ? null : 'u9' });
    receiveStreamEvents([start('s9', [row(user), row(reply('', 'streaming'))], { ...conversation, id: 'c9', title: 'hi', currentLeafId: 'a9', updatedAt: 10 })]);
    await settle();
    expect(made).toEqual(['createConversation', 'sendMessage']);
    expect(useConversations.getState().messages.map((m) => m.id)).toEqual(['u9', 'a9']);
    // The sidebar has the new conversation, titled by the engine, at the top.
    expect(useConversations.getState().list.map((c) => `${c.id}:${c.title}`)).toEqual(['c9:hi', 'c1:Chat']);
  });

  test('a compare send is one call, and each pane keeps its saved answer', async () => {
    useCompare.setState({ models: [model, { connectionId: 'k2', modelId: 'qwen' }], run: undefined, finals: {} });
    const sending = useCompare.getState().send('hi');
    const b = { ...reply('', 'streaming'), id: 'b1' };
    (await next('sendCompare')).answer.resolve({
      userMessageId: 'u1',
      panes: [
        { streamId: 's1', assistantMessageId: 'a1', model },
        { streamId: 's2', assistantMessageId: 'b1', model: { connectionId: 'k2', modelId: 'qwen' } },
      ],
    });
    await sending;
    receiveStreamEvents([start('s1', [user, reply('', 'streaming')]), start('s2', [user, b])]);
    receiveStreamEvents([{ kind: 'finish', streamId: 's2', reason: 'stop', timing: { totalMs: 9 }, message: { ...b, content: 'B', status: 'complete' } }]);
    expect(made).toEqual(['sendCompare']);
    expect(useConversations.getState().messages.map((m) => m.id)).toEqual(['u0', 'u1', 'a1', 'b1']);
    expect(useCompare.getState().finals.b1?.content).toBe('B');
  });
});

describe('a reply racing the send call', () => {
  test('a reply that ends before the send call returns is not left streaming', async () => {
    const sending = useConversations.getState().send('hi', 'u0');
    const sendCall = await next('sendMessage');
    receiveStreamEvents(whole);
    sendCall.answer.resolve({ streamId: 's1', userMessageId: 'u1', assistantMessageId: 'a1' });
    await sending;
    expect(Object.values(useStreams.getState().byMessage)).toEqual([]);
    expect(last().status).toBe('complete');
  });

  test('a read of the conversation taken before the reply ended does not bring back the half-written reply', async () => {
    const sending = useConversations.getState().send('hi', 'u0');
    (await next('sendMessage')).answer.resolve({ streamId: 's1', userMessageId: 'u1', assistantMessageId: 'a1' });
    await sending;
    receiveStreamEvents(whole.slice(0, 3));
    // Something else re-reads the conversation (a branch switch); the read is taken mid-stream...
    const reading = useConversations.getState().open('c1');
    const stale = await next('getConversation');
    // ...the reply ends, and only then does the read answer.
    receiveStreamEvents(whole.slice(3));
    stale.answer.resolve({ conversation, messages: [earlier, user, reply('Inst', 'streaming')] });
    await reading;
    expect(last()).toEqual(finished);
    expect(shown(last())).toBe('Instant answer.');
  });

  test('a read in the middle of a stream does not show the streamed text twice', async () => {
    receiveStreamEvents(whole.slice(0, 3));
    const reading = useConversations.getState().open('c1');
    // The store wrote the first part of the stream before the read reached it.
    (await next('getConversation')).answer.resolve({ conversation, messages: [earlier, user, reply('Instant', 'streaming')] });
    await reading;
    receiveStreamEvents([{ kind: 'text-delta', streamId: 's1', text: '\n\n## Part 1: reading a stream', atMs: 6 }]);
    expect(shown(last())).toBe('Instant answer.\n\n## Part 1: reading a stream');
  });

  test('continuing a reply shows the old text once, then the new text', async () => {
    const partial = reply('The first half', 'interrupted');
    useConversations.setState({ messages: [earlier, user, partial] });
    const continuing = useConversations.getState().continueReply('a1');
    (await next('continueMessage')).answer.resolve({ streamId: 's2', assistantMessageId: 'a1' });
    await continuing;
    // The engine reopened the row: its start carries it as it stood, the text to continue from.
    receiveStreamEvents([start('s2', [{ ...partial, status: 'streaming' }]), { kind: 'text-delta', streamId: 's2', text: ' and the second.', atMs: 3 }]);
    expect(shown(last())).toBe('The first half and the second.');
    expect(made).toEqual(['continueMessage']);
  });
});

describe('streams are forgotten when they end', () => {
  test('nothing of a finished or failed stream stays in the streams store', () => {
    receiveStreamEvents(whole);
    receiveStreamEvents([
      start('s3', [{ ...reply('', 'streaming'), id: 'a3' }]),
      { kind: 'error', streamId: 's3', error: { kind: 'network', message: 'gone' }, partial: false, message: { ...reply('', 'error'), id: 'a3' } },
    ]);
    expect(useStreams.getState().byMessage).toEqual({});
    expect(useStreams.getState().messageOfStream).toEqual({});
  });

  test('the end of a stream that began before this window was unlocked still shows the saved reply', () => {
    useConversations.setState({ messages: [earlier, user, reply('Inst', 'streaming')] });
    receiveStreamEvents([{ kind: 'text-delta', streamId: 'unseen', text: 'ant answer.', atMs: 3 }, whole[3]!]);
    expect(last()).toEqual(finished);
  });
});

describe('opening a conversation', () => {
  test('restores the model its latest reply came from, not the one used elsewhere', async () => {
    useConversations.getState().setModel({ connectionId: 'remote', modelId: 'gpt-4o' });
    const opening = useConversations.getState().open('c2');
    (await next('getConversation')).answer.resolve({ conversation: { ...conversation, id: 'c2' }, messages: [user, reply('Local words.', 'complete')] });
    await opening;
    expect(useConversations.getState().model).toEqual(model);
  });

  test('keeps the model picked for a chat that has no reply yet, also across its refreshes', async () => {
    useConversations.getState().setModel({ connectionId: 'remote', modelId: 'gpt-4o' });
    const opening = useConversations.getState().open('c3');
    (await next('getConversation')).answer.resolve({ conversation: { ...conversation, id: 'c3', currentLeafId: null }, messages: [] });
    await opening;
    expect(useConversations.getState().model).toEqual({ connectionId: 'remote', modelId: 'gpt-4o' });
  });
});
