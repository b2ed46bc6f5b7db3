// The fake providers speak each wire format as docs/provider-wire-formats.md records it: Anthropic Messages.
import { afterEach, describe, expect, it } from 'vitest';
import { type FakeBehaviour } from '../fakes/index';
import { sseFrames } from '../fakes/wire-reader';
import { closeFakes, TWO, fake, post, json, streamRequest } from '../fakes/wire-client';

afterEach(closeFakes);

describe('happy two-token streams match the recorded wire examples', () => {
  it('Anthropic: event + data on every frame, ping, cumulative usage, message_stop (docs/provider-wire-formats.md §3.3)', async () => {
    const server = await fake('anthropic', { ...TWO, usage: { input: 11, output: 2 } });
    const res = await streamRequest(server, 'anthropic');
    expect(res.headers.get('request-id')).toMatch(/^req_/);
    const text = await res.text();
    const frames = sseFrames(text);
    expect(frames.map((f) => f.event)).toEqual([
      'message_start',
      'content_block_start',
      'ping',
      'content_block_delta',
      'content_block_delta',
      'content_block_stop',
      'message_delta',
      'message_stop',
    ]);
    expect(text).toContain('event: ping\ndata: {"type": "ping"}\n\n');
    expect(text).toContain('event: content_block_delta\ndata: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Hello"}}\n\n');
    expect(text.endsWith('event: message_stop\ndata: {"type":"message_stop"}\n\n')).toBe(true);
    expect(json(frames[0]?.data)).toMatchObject({ message: { role: 'assistant', content: [], stop_reason: null, usage: { input_tokens: 11, output_tokens: 1 } } });
    expect(json(frames[6]?.data)).toMatchObject({ delta: { stop_reason: 'end_turn', stop_sequence: null }, usage: { output_tokens: 2 } });
  });
});

describe('reasoning arrives in each provider’s own form, before the answer', () => {
  const thinking = { ...TWO, reasoning: ['Let', ' me'] } satisfies FakeBehaviour;
  it('Anthropic streams a thinking block closed by signature_delta, then the text block at index 1', async () => {
    const server = await fake('anthropic', thinking);
    const frames = sseFrames(await (await streamRequest(server, 'anthropic')).text()).map((f) => json(f.data));
    const types = frames.map((f) => ((f['delta'] ?? f['content_block']) as { type?: string } | undefined)?.type ?? f['type']);
    expect(types).toEqual([
      'message_start',
      'thinking',
      'ping',
      'thinking_delta',
      'thinking_delta',
      'signature_delta',
      'content_block_stop',
      'text',
      'text_delta',
      'text_delta',
      'content_block_stop',
      'message_delta',
      'message_stop',
    ]);
    expect(frames.at(-2)).toMatchObject({ usage: { output_tokens: 4 } });
  });
});

describe('fault modes', () => {
  it('errorAfter: Anthropic sends event: error overloaded_error and never message_stop', async () => {
    const server = await fake('anthropic', { ...TWO, errorAfter: 1 });
    const text = await (await streamRequest(server, 'anthropic')).text();
    expect(text.endsWith('event: error\ndata: {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}\n\n')).toBe(true);
    expect(text).not.toContain('message_stop');
  });
});

describe('status errors carry the provider’s real body', () => {
  it('Anthropic 529 is overloaded_error with request_id in body and header', async () => {
    const server = await fake('anthropic', { status: 529 });
    const res = await streamRequest(server, 'anthropic');
    expect(res.status).toBe(529);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } });
    expect(body['request_id']).toBe(res.headers.get('request-id'));
  });
});

describe('requiredKey rejects a wrong key with the real auth body and admits the right one', () => {
  it('Anthropic: 401 authentication_error for a wrong x-api-key', async () => {
    const server = await fake('anthropic', { ...TWO, requiredKey: 'ant-right' });
    const bad = await post(`${server.baseUrl}/messages`, {}, { 'x-api-key': 'ant-wrong', 'anthropic-version': '2023-06-01' });
    expect(bad.status).toBe(401);
    expect(await bad.json()).toMatchObject({
      type: 'error',
      error: { type: 'authentication_error', message: 'invalid x-api-key' },
      request_id: expect.stringMatching(/^req_/) as string,
    });
    expect((await post(`${server.baseUrl}/messages`, {}, { 'x-api-key': 'ant-right' })).status).toBe(200);
  });
});
