// The fake providers speak each wire format as docs/provider-wire-formats.md records it: every format alike: cuts, stalls, broken frames, pacing, recording.
import { afterEach, describe, expect, it } from 'vitest';
import { realisticMarkdownTokens } from '../fakes/index';
import { eventually, readBody, sseFrames } from '../fakes/wire-reader';
import { closeFakes, TWO, FORMATS, fake, post, json, streamRequest } from '../fakes/wire-client';

afterEach(closeFakes);

describe('fault modes', () => {
  it.each(FORMATS)('%s: cutAfter sends the first token, half a frame, then drops the socket', async (format) => {
    const server = await fake(format, { ...TWO, cutAfter: 1 });
    const { text, failed } = await readBody(await streamRequest(server, format));
    expect(failed).toBe(true);
    const delimiter = format === 'ollama' ? '\n' : format === 'gemini' ? '\r\n\r\n' : '\n\n';
    const whole = text.split(delimiter);
    const half = whole.pop() ?? '';
    expect(whole.join(delimiter)).toContain('Hello');
    expect(whole.join(delimiter)).not.toContain('"!"');
    expect(half.length).toBeGreaterThan(0);
    expect(() => JSON.parse(half.replace(/^(event: .*\n)?data: /, ''))).toThrow();
    expect(server.closedEarly).toBe(0); // the server cut, the client did not close
  });

  it.each(FORMATS)('%s: stallAfter keeps the socket open and silent until the client aborts', async (format) => {
    const server = await fake(format, { ...TWO, stallAfter: 1 });
    const controller = new AbortController();
    const res = await streamRequest(server, format, controller.signal);
    const reading = readBody(res);
    await new Promise((resolve) => setTimeout(resolve, 150));
    controller.abort();
    const { text, failed } = await reading;
    expect(failed).toBe(true);
    expect(text).toContain('Hello');
    expect(text).not.toContain('"!"');
    await eventually(() => server.closedEarly === 1);
  });

  it.each(FORMATS)('%s: malformedAfter sends one broken JSON frame and then carries on', async (format) => {
    const server = await fake(format, { ...TWO, malformedAfter: 1 });
    const text = await (await streamRequest(server, format)).text();
    const payloads = format === 'ollama' ? text.split('\n').filter(Boolean) : sseFrames(text).map((f) => f.data ?? '');
    const broken = payloads.filter((p) => {
      try {
        JSON.parse(p);
        return false;
      } catch {
        return p !== '[DONE]';
      }
    });
    expect(broken).toHaveLength(1);
    expect(text).toContain('"!"');
  });

  it('keepAlive interleaves comment frames; unknownFields adds a field to every object', async () => {
    const server = await fake('anthropic', { ...TWO, keepAlive: true, unknownFields: true });
    const frames = sseFrames(await (await streamRequest(server, 'anthropic')).text());
    const comments = frames.filter((f) => f.comment === 'keep-alive');
    const data = frames.filter((f) => f.data !== undefined && f.event !== 'ping');
    expect(comments.length).toBe(frames.length / 2);
    data.forEach((f) => expect(json(f.data)).toHaveProperty('enclave_future_field'));
  });

  it('firstByteDelayMs holds the headers back; tokenDelayMs paces the pieces', async () => {
    const server = await fake('openai-chat', { tokens: ['a', 'b', 'c', 'd'], firstByteDelayMs: 120, tokenDelayMs: 25 });
    const started = Date.now();
    const res = await post(`${server.baseUrl}/chat/completions`, { stream: true });
    expect(Date.now() - started).toBeGreaterThanOrEqual(110);
    await res.text();
    expect(Date.now() - started).toBeGreaterThanOrEqual(110 + 3 * 25 - 10);
  });

  it('closedEarly counts a client abort in the middle of a paced stream', async () => {
    const server = await fake('ollama', { tokens: realisticMarkdownTokens(200), tokenDelayMs: 10 });
    const controller = new AbortController();
    const res = await streamRequest(server, 'ollama', controller.signal);
    const reading = readBody(res);
    setTimeout(() => controller.abort(), 60);
    expect((await reading).failed).toBe(true);
    await eventually(() => server.closedEarly === 1);
  });
});

describe('recording', () => {
  it.each([
    ['openai-chat', { messages: [{ role: 'user', content: [{ type: 'image_url', image_url: { url: 'data:image/png;base64,AA==' } }] }] }],
    ['openai-responses', { input: [{ role: 'user', content: [{ type: 'input_image', image_url: 'data:image/png;base64,AA==' }] }] }],
    ['anthropic', { messages: [{ role: 'user', content: [{ type: 'image', source: { type: 'base64', media_type: 'image/png', data: 'AA==' } }] }] }],
    ['gemini', { contents: [{ role: 'user', parts: [{ inlineData: { mimeType: 'image/png', data: 'AA==' } }] }] }],
    ['ollama', { messages: [{ role: 'user', content: 'x', images: ['AA=='] }] }],
  ] as const)('%s: records the request and notices its image', async (format, body) => {
    const server = await fake(format, { visionCheck: true });
    const path = {
      'openai-chat': `${server.baseUrl}/chat/completions`,
      'openai-responses': `${server.baseUrl}/responses`,
      anthropic: `${server.baseUrl}/messages`,
      gemini: `${server.baseUrl}/models/m:generateContent`,
      ollama: `${server.origin}/api/chat`,
    }[format];
    const text = await (await post(path, { ...body, stream: false }, { 'x-test': 'yes' })).text();
    expect(text).toContain('I can');
    const [recorded] = server.requests;
    expect(recorded).toMatchObject({ method: 'POST', hasImage: true, headers: { 'x-test': 'yes' } });
    expect(recorded?.body).toMatchObject(body);
    expect(recorded?.receivedAt).toBeGreaterThan(0);
  });

  it('a request without an image is recorded as such', async () => {
    const server = await fake('openai-chat', { visionCheck: true });
    const reply = (await (await post(`${server.baseUrl}/chat/completions`, { messages: [{ role: 'user', content: 'hi' }] })).json()) as {
      choices: { message: { content: string } }[];
    };
    expect(reply.choices[0]?.message.content).toBe('I see no image.');
    expect(server.requests[0]?.hasImage).toBe(false);
  });
});

describe('realisticMarkdownTokens', () => {
  it('is deterministic and holds prose, lists, fenced code and a table', () => {
    const tokens = realisticMarkdownTokens(400);
    expect(tokens).toHaveLength(400);
    expect(realisticMarkdownTokens(400)).toEqual(tokens);
    const text = tokens.join('');
    for (const piece of ['## Part 1', '- Parse', '1. Open', '```ts', '| Provider |', '**Measure**']) expect(text).toContain(piece);
  });
});
