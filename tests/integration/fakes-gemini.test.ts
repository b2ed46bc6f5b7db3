// The fake providers speak each wire format as docs/provider-wire-formats.md records it: Gemini streamGenerateContent.
import { afterEach, describe, expect, it } from 'vitest';
import { type FakeBehaviour } from '../fakes/index';
import { sseFrames } from '../fakes/wire-reader';
import { closeFakes, TWO, fake, post, json, streamRequest } from '../fakes/wire-client';

afterEach(closeFakes);

describe('happy two-token streams match the recorded wire examples', () => {
  it('Gemini: CRLF-delimited data frames, usageMetadata on every chunk, finishReason last, no terminator (docs/provider-wire-formats.md §3.4)', async () => {
    const server = await fake('gemini');
    const res = await streamRequest(server, 'gemini');
    expect(res.headers.get('content-type')).toBe('text/event-stream');
    const text = await res.text();
    expect(text.split('\r\n\r\n')).toHaveLength(3); // two frames and the empty rest: no sentinel
    const chunks = sseFrames(text).map((f) => json(f.data));
    expect(chunks.map((c) => c['candidates'])).toEqual([
      [{ content: { parts: [{ text: 'Hello' }], role: 'model' } }],
      [{ content: { parts: [{ text: '!' }], role: 'model' }, finishReason: 'STOP' }],
    ]);
    chunks.forEach((c) => expect(c['usageMetadata']).toMatchObject({ promptTokenCount: 9 }));
    expect(chunks[1]?.['usageMetadata']).toMatchObject({ candidatesTokenCount: 2, totalTokenCount: 11 });
  });

  it.each(['\n\n', '\r\r'] as const)('Gemini honours the %j delimiter', async (delimiter) => {
    const server = await fake('gemini', { ...TWO, delimiter });
    const text = await (await streamRequest(server, 'gemini')).text();
    expect(
      text
        .split(delimiter)
        .filter((part) => part.length > 0)
        .map((part) => part.startsWith('data: {')),
    ).toEqual([true, true]);
  });
});

describe('reasoning arrives in each provider’s own form, before the answer', () => {
  const thinking = { ...TWO, reasoning: ['Let', ' me'] } satisfies FakeBehaviour;
  it('Gemini marks thought parts with thought:true and counts thoughtsTokenCount apart', async () => {
    const server = await fake('gemini', thinking);
    const chunks = sseFrames(await (await streamRequest(server, 'gemini')).text()).map((f) => json(f.data));
    const parts = chunks.map((c) => (c['candidates'] as { content: { parts: Record<string, unknown>[] } }[])[0]?.content.parts[0]);
    expect(parts.map((p) => [p?.['text'], p?.['thought'] === true])).toEqual([
      ['Let', true],
      [' me', true],
      ['Hello', false],
      ['!', false],
    ]);
    expect(chunks.at(-1)?.['usageMetadata']).toMatchObject({ candidatesTokenCount: 2, thoughtsTokenCount: 2, totalTokenCount: 13 });
  });
});

describe('fault modes', () => {
  it('errorAfter: Gemini sends an RPC error chunk and closes', async () => {
    const server = await fake('gemini', { ...TWO, errorAfter: 1 });
    const frames = sseFrames(await (await streamRequest(server, 'gemini')).text());
    expect(json(frames.at(-1)?.data)).toMatchObject({ error: { code: 500, status: 'INTERNAL' } });
  });
});

describe('status errors carry the provider’s real body', () => {
  it('Gemini 429 carries RetryInfo and no Retry-After header; streaming errors are text/event-stream JSON', async () => {
    const server = await fake('gemini', { status: 429, retryAfter: { geminiRetryDelay: '7s' } });
    const res = await streamRequest(server, 'gemini');
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBeNull();
    expect(res.headers.get('content-type')).toBe('text/event-stream');
    const body = (await res.json()) as { error: { status: string; details: Record<string, unknown>[] } };
    expect(body.error.status).toBe('RESOURCE_EXHAUSTED');
    expect(body.error.details).toContainEqual({ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '7s' });
  });
});

describe('requiredKey rejects a wrong key with the real auth body and admits the right one', () => {
  it('Gemini: 400 API_KEY_INVALID; the key works as header or ?key=', async () => {
    const server = await fake('gemini', { ...TWO, requiredKey: 'g-right' });
    const url = `${server.baseUrl}/models/gemini-2.0-flash:generateContent`;
    const bad = await post(url, {}, { 'x-goog-api-key': 'g-wrong' });
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as { error: { status: string; details: { reason?: string }[] } };
    expect(body.error.status).toBe('INVALID_ARGUMENT');
    expect(body.error.details[0]?.reason).toBe('API_KEY_INVALID');
    expect((await post(url, {}, { 'x-goog-api-key': 'g-right' })).status).toBe(200);
    expect((await post(`${url}?key=g-right`, {})).status).toBe(200);
  });
});
