// A turn through the real engine (egress → provider adapter → store → stream events) against
// fake local servers, including the ugly parts: keep-alives, a cut mid-frame, an error line
// mid-stream, a dead port, and a user's Stop.
import { createServer } from 'node:net';
import { afterEach, describe, expect, test } from 'vitest';
import { startFake, type FakeServer } from '../fakes/index';
import { startCore, type CoreFixture } from '../support/core-fixture';

let fixture: CoreFixture | undefined;
let fake: FakeServer | undefined;
afterEach(async () => {
  await fixture?.close();
  await fake?.close();
  fixture = fake = undefined;
});

async function chatOnce(kind: 'ollama' | 'openai-compatible', baseUrl: string, content = 'Hi') {
  fixture = await startCore();
  const conn = await fixture.call('addConnection', { kind, name: 'Local', baseUrl });
  const conv = await fixture.call('createConversation', {});
  const sent = await fixture.call('sendMessage', { conversationId: conv.id, parentId: null, content, model: { connectionId: conn.id, modelId: 'm1' } });
  const end = await fixture.streamEnd(sent.streamId);
  const { messages } = await fixture.call('getConversation', { id: conv.id });
  return { end, reply: messages.find((m) => m.id === sent.assistantMessageId)!, sent, conv, conn };
}

async function deadPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  await new Promise((r) => server.close(r));
  return port;
}

describe('a chat turn through the engine', () => {
  test('streams, persists and reports usage from Ollama, ignoring keep-alive noise', async () => {
    fake = await startFake('ollama', { tokens: ['Hel', 'lo', '!'], usage: { input: 5, output: 3 }, unknownFields: true });
    const { end, reply } = await chatOnce('ollama', fake.origin);
    expect(end.kind).toBe('finish');
    expect(reply).toMatchObject({ content: 'Hello!', status: 'complete', usage: { inputTokens: 5, outputTokens: 3 }, costUsd: 0 });
    expect(reply.timing?.totalMs).toBeGreaterThanOrEqual(0);
  });

  test('keeps going through DeepSeek-style keep-alive comments on an OpenAI-compatible server', async () => {
    fake = await startFake('openai-chat', { tokens: ['a', 'b', 'c'], keepAlive: true }, { flavor: 'vllm' });
    const { reply } = await chatOnce('openai-compatible', fake.sdkBaseUrl);
    expect(reply).toMatchObject({ content: 'abc', status: 'complete' });
  });

  test('a stream cut mid-frame keeps the partial text, marked interrupted, with a clear error', async () => {
    fake = await startFake('openai-chat', { tokens: ['Hello', ' from', ' far', ' away'], cutAfter: 2 }, { flavor: 'lmstudio' });
    const { end, reply } = await chatOnce('openai-compatible', fake.sdkBaseUrl);
    expect(end).toMatchObject({ kind: 'error', partial: true });
    expect(reply.status).toBe('interrupted');
    expect(reply.content).toBe('Hello from');
    expect(reply.error?.message).toMatch(/\w/);
  });

  test('an error line mid-stream from Ollama keeps the partial text and says what happened', async () => {
    fake = await startFake('ollama', { tokens: ['Partial', ' answer', ' here'], errorAfter: 2 });
    const { end, reply } = await chatOnce('ollama', fake.origin);
    expect(end.kind).toBe('error');
    expect(reply).toMatchObject({ status: 'interrupted', content: 'Partial answer' });
    expect(reply.error?.kind).toBe('server');
  });

  test('a dead port gives a network error a person can act on, and nothing is half-written', async () => {
    const port = await deadPort();
    const { end, reply } = await chatOnce('ollama', `http://127.0.0.1:${port}`);
    expect(end).toMatchObject({ kind: 'error', partial: false });
    expect(reply).toMatchObject({ status: 'error', content: '' });
    expect(reply.error?.kind).toBe('network');
    expect(reply.error?.message).toMatch(/reach|connect|running/i);
  });

  test('Stop aborts the HTTP request: the server sees its socket close, and the partial reply is kept', async () => {
    fake = await startFake('ollama', { tokens: Array.from({ length: 200 }, (_, i) => `t${i} `), tokenDelayMs: 20 });
    fixture = await startCore();
    const conn = await fixture.call('addConnection', { kind: 'ollama', name: 'Local', baseUrl: fake.origin });
    const conv = await fixture.call('createConversation', {});
    const sent = await fixture.call('sendMessage', { conversationId: conv.id, parentId: null, content: 'long one', model: { connectionId: conn.id, modelId: 'm1' } });
    await expect.poll(() => fixture!.events.some((e) => e.kind === 'text-delta' && e.streamId === sent.streamId)).toBe(true);
    expect(await fixture.call('stopStream', { streamId: sent.streamId })).toEqual({ stopped: true });
    const end = await fixture.streamEnd(sent.streamId);
    expect(end).toMatchObject({ kind: 'finish', reason: 'aborted' });
    await expect.poll(() => fake!.closedEarly).toBe(1);
    const { messages } = await fixture.call('getConversation', { id: conv.id });
    const reply = messages.find((m) => m.id === sent.assistantMessageId)!;
    expect(reply.status).toBe('interrupted');
    expect(reply.content).toMatch(/^t0 /);
    expect(fake.requests.filter((r) => r.path === '/api/chat')).toHaveLength(1); // a stop is never retried
  });

  test('Continue appends to an interrupted reply in the same message', async () => {
    fake = await startFake('ollama', { tokens: ['First', ' half'], errorAfter: 1 });
    const first = await chatOnce('ollama', fake.origin);
    expect(first.reply).toMatchObject({ status: 'interrupted', content: 'First' });
    fake.setBehaviour({ tokens: [' and', ' the rest.'] });
    const cont = await fixture!.call('continueMessage', { messageId: first.reply.id });
    expect(cont.assistantMessageId).toBe(first.reply.id);
    await fixture!.streamEnd(cont.streamId);
    const { messages } = await fixture!.call('getConversation', { id: first.conv.id });
    expect(messages.find((m) => m.id === first.reply.id)).toMatchObject({ status: 'complete', content: 'First and the rest.' });
    const lastRequest = fake.requests.filter((r) => r.path === '/api/chat').at(-1)!;
    expect(JSON.stringify(lastRequest.body)).toContain('Continue exactly where');
  });

  test('the stream carries the rows the turn wrote, exactly as the store holds them', async () => {
    fake = await startFake('ollama', { tokens: ['One', ' two', ' three.'], tokenDelayMs: 30, firstByteDelayMs: 120, usage: { input: 4, output: 3 } });
    const { end, reply, sent, conv } = await chatOnce('ollama', fake.origin);
    const { conversation, messages } = await fixture!.call('getConversation', { id: conv.id });
    const mine = fixture!.events.filter((e) => e.streamId === sent.streamId);
    const start = mine[0]!;
    if (start.kind !== 'start') throw new Error(`first event was ${start.kind}`);
    const user = messages.find((m) => m.id === sent.userMessageId)!;
    expect(start.rows.messages[0]).toEqual(user);
    expect(start.rows.messages[1]).toMatchObject({ id: reply.id, parentId: user.id, role: 'assistant', status: 'streaming', content: '', model: reply.model });
    expect(start.rows.conversation).toMatchObject({ id: conv.id, title: conversation.title, currentLeafId: sent.assistantMessageId });
    // The end carries the saved reply: the renderer shows it without reading the conversation.
    expect(end).toMatchObject({ kind: 'finish', message: reply });
    // One first-token time, stamped by the engine, the same number the saved reply keeps.
    const firsts = mine.filter((e) => e.kind === 'first-token');
    expect(firsts).toHaveLength(1);
    expect(firsts[0]).toMatchObject({ firstTokenMs: reply.timing?.firstTokenMs });
    expect(reply.timing!.firstTokenMs!).toBeGreaterThanOrEqual(100);
    const arrivals = mine.flatMap((e) => (e.kind === 'text-delta' ? [e.atMs] : []));
    expect(arrivals[0]).toBeGreaterThanOrEqual(reply.timing!.firstTokenMs!);
    expect(arrivals).toEqual([...arrivals].sort((a, b) => a - b));
    expect(arrivals.at(-1)).toBeLessThanOrEqual(reply.timing!.totalMs!);
  });

  test('a reply to a message of another conversation is refused in words, and nothing is written', async () => {
    fake = await startFake('ollama', { tokens: ['Hi'] });
    const first = await chatOnce('ollama', fake.origin);
    const other = await fixture!.call('createConversation', {});
    await expect(
      fixture!.call('sendMessage', { conversationId: other.id, parentId: first.reply.id, content: 'x', model: { connectionId: first.conn.id, modelId: 'm1' } }),
    ).rejects.toThrow('The message you replied to is not in this conversation.');
    expect((await fixture!.call('getConversation', { id: other.id })).messages).toEqual([]);
  });

  test('stream events reach the renderer batched, not one message per token', async () => {
    fake = await startFake('ollama', { tokens: Array.from({ length: 300 }, () => 'x') });
    const { end } = await chatOnce('ollama', fake.origin);
    expect(end.kind).toBe('finish');
    const deltas = fixture!.events.filter((e) => e.kind === 'text-delta');
    expect(deltas.map((e) => (e.kind === 'text-delta' ? e.text : '')).join('')).toBe('x'.repeat(300));
    expect(deltas.length).toBeLessThan(300 / 5);
  });
});
