// How a reply ended, through the real engine (egress → adapter → store → events) against
// recorded streams: the finish reason is stored with the message, a token-limit cut can be
// continued in place, and tool-call-only or image replies are not saved as empty answers.
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { startReplay, type ReplayServer } from '../fakes/replay';
import { startCore, type CoreFixture } from '../support/core-fixture';

let replay: ReplayServer;
let fixture: CoreFixture | undefined;
beforeAll(async () => {
  replay = await startReplay();
});
afterAll(async () => {
  await replay.close();
});
afterEach(async () => {
  await fixture?.close();
  fixture = undefined;
});

async function turn(file: string, kind: 'openai-compatible' | 'google', baseUrl: string, modelId: string) {
  fixture = await startCore();
  const conn = await fixture.call('addConnection', { kind, name: 'Recorded', baseUrl, ...(kind === 'google' ? { apiKey: 'AIza-replay-0000' } : {}) });
  const conv = await fixture.call('createConversation', {});
  replay.play(file);
  const sent = await fixture.call('sendMessage', { conversationId: conv.id, parentId: null, content: 'Hi', model: { connectionId: conn.id, modelId } });
  const end = await fixture.streamEnd(sent.streamId);
  const reply = (await fixture.call('getConversation', { id: conv.id })).messages.find((m) => m.id === sent.assistantMessageId)!;
  return { end, reply, conv, fixture };
}

describe('finish reasons through the engine', () => {
  test('a reply cut at the token limit is stored as such, and Continue completes it in the same message', async () => {
    const { end, reply, conv, fixture: f } = await turn('vllm-length.sse', 'openai-compatible', `${replay.origin}/v1`, 'Qwen/Qwen3-8B');
    expect(end).toMatchObject({ kind: 'finish', reason: 'length' });
    expect(reply).toMatchObject({ status: 'complete', content: 'The three primary colours of light are red,', finish: { reason: 'length', raw: 'length' } });

    replay.play('vllm-continuation.sse');
    const before = replay.requests.length;
    const cont = await f.call('continueMessage', { messageId: reply.id });
    expect(cont.assistantMessageId).toBe(reply.id);
    expect(await f.streamEnd(cont.streamId)).toMatchObject({ kind: 'finish', reason: 'stop' });
    const after = (await f.call('getConversation', { id: conv.id })).messages.find((m) => m.id === reply.id)!;
    expect(after).toMatchObject({ status: 'complete', content: 'The three primary colours of light are red, green and blue.', finish: { reason: 'stop' } });
    // The model saw its own cut reply and was asked to go on from it.
    const sentBody = replay.requests[before]?.body as { messages: Array<{ role: string; content: string }> };
    expect(sentBody.messages.at(-2)).toMatchObject({ role: 'assistant', content: 'The three primary colours of light are red,' });
    expect(sentBody.messages.at(-1)?.role).toBe('user');
  });

  test('a refusal is stored as a refusal with its tokens and cost kept', async () => {
    const { reply } = await turn('openai-chat-refusal.sse', 'openai-compatible', `${replay.origin}/v1`, 'gpt-4o');
    expect(reply).toMatchObject({
      status: 'complete',
      content: "I'm sorry, I can't help with that.",
      finish: { reason: 'refusal' },
      usage: { inputTokens: 52, outputTokens: 9 },
      // A loopback server costs nothing; the point is that the cost is there, not dropped.
      costUsd: 0,
    });
  });

  test('a tool-call-only reply says which tool the model asked for instead of ending as an empty answer', async () => {
    const { reply, conv, fixture: f } = await turn('vllm-tool-call.sse', 'openai-compatible', `${replay.origin}/v1`, 'Qwen/Qwen2.5-7B-Instruct');
    expect(reply.content).toBe('');
    expect(reply.finish).toEqual({ reason: 'tool-calls', raw: 'tool_calls', toolCalls: ['get_weather'] });
    // The next turn does not show the model an empty answer of its own (providers reject those).
    replay.play('vllm-continuation.sse');
    const before = replay.requests.length;
    const next = await f.call('sendMessage', { conversationId: conv.id, parentId: reply.id, content: 'Just guess.', model: reply.model! });
    await f.streamEnd(next.streamId);
    const sent = replay.requests[before]?.body as { messages: Array<{ role: string; content: unknown }> };
    expect(sent.messages.map((m) => m.role)).toEqual(['user', 'user']);
  });

  test('an image the model generated is kept as an attachment of the reply', async () => {
    const { reply, conv, fixture: f } = await turn('gemini-image.sse', 'google', `${replay.origin}/v1beta`, 'gemini-2.5-flash-image');
    expect(reply.status).toBe('complete');
    expect(reply.attachments).toHaveLength(1);
    expect(reply.attachments?.[0]).toMatchObject({ kind: 'image', mimeType: 'image/png', size: 70 });
    expect(reply.attachments?.[0]?.name).toMatch(/\.png$/);
    // A text-less reply is not sent back as an empty model turn.
    replay.play('gemini-safety.sse');
    const before = replay.requests.length;
    const next = await f.call('sendMessage', { conversationId: conv.id, parentId: reply.id, content: 'Make it blue.', model: reply.model! });
    await f.streamEnd(next.streamId);
    const sent = replay.requests[before]?.body as { contents: Array<{ role: string }> };
    expect(sent.contents.map((c) => c.role)).toEqual(['user', 'user']);
  });

  test('a reply with reasoning inside its text stores the reasoning apart and never sends it back as answer', async () => {
    const { reply, conv, fixture: f } = await turn('llamacpp-think-split.sse', 'openai-compatible', `${replay.origin}/v1`, 'Qwen3-8B');
    expect(reply.content.trim()).toBe('Hello! How can I help?');
    expect(reply.reasoning).toContain('The user says hi.');
    replay.play('vllm-continuation.sse');
    const before = replay.requests.length;
    const next = await f.call('sendMessage', { conversationId: conv.id, parentId: reply.id, content: 'Thanks', model: reply.model! });
    await f.streamEnd(next.streamId);
    const history = JSON.stringify(replay.requests[before]?.body);
    expect(history).toContain('Hello! How can I help?');
    expect(history).not.toContain('The user says hi');
  });
});
