// The fake providers speak each wire format as docs/provider-wire-formats.md records it: OpenAI Chat Completions, the Responses API, and each OpenAI-compatible flavour (DeepSeek, Groq, Mistral, vLLM, xAI).
import { afterEach, describe, expect, it } from 'vitest';
import { type FakeBehaviour } from '../fakes/index';
import { sseFrames } from '../fakes/wire-reader';
import { closeFakes, TWO, fake, post, json, streamRequest } from '../fakes/wire-client';

afterEach(closeFakes);

describe('happy two-token streams match the recorded wire examples', () => {
  it('OpenAI chat: data-only frames, finish chunk, usage chunk with include_usage, [DONE] (docs/provider-wire-formats.md §3.1)', async () => {
    const server = await fake('openai-chat');
    const res = await post(`${server.baseUrl}/chat/completions`, { model: 'gpt-4o-2024-08-06', stream: true, stream_options: { include_usage: true }, messages: [] });
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    expect(res.headers.get('x-request-id')).toMatch(/^req_/);
    const body = (await res.text()).replace(/chatcmpl-\d+/g, 'chatcmpl-1');
    const head = '{"id":"chatcmpl-1","object":"chat.completion.chunk","created":1723031665,"model":"gpt-4o-2024-08-06","system_fingerprint":"fp_1","choices":';
    expect(body).toBe(
      [
        `data: ${head}[{"index":0,"delta":{"role":"assistant","content":"","refusal":null},"logprobs":null,"finish_reason":null}],"usage":null}\n\n`,
        `data: ${head}[{"index":0,"delta":{"content":"Hello"},"logprobs":null,"finish_reason":null}],"usage":null}\n\n`,
        `data: ${head}[{"index":0,"delta":{"content":"!"},"logprobs":null,"finish_reason":null}],"usage":null}\n\n`,
        `data: ${head}[{"index":0,"delta":{},"logprobs":null,"finish_reason":"stop"}],"usage":null}\n\n`,
        `data: ${head}[],"usage":{"prompt_tokens":9,"completion_tokens":2,"total_tokens":11,"prompt_tokens_details":{"cached_tokens":0},"completion_tokens_details":{"reasoning_tokens":0}}}\n\n`,
        'data: [DONE]\n\n',
      ].join(''),
    );
  });

  it('OpenAI chat without include_usage sends no usage at all', async () => {
    const server = await fake('openai-chat');
    const frames = sseFrames(await (await post(`${server.baseUrl}/chat/completions`, { stream: true })).text());
    expect(frames.map((f) => f.data).join('')).not.toContain('usage');
    expect(frames.at(-1)?.data).toBe('[DONE]');
  });

  it('OpenAI Responses: event lines equal to type, ordered events, usage in response.completed (docs/provider-wire-formats.md §3.2)', async () => {
    const server = await fake('openai-responses');
    const frames = sseFrames(await (await streamRequest(server, 'openai-responses')).text());
    expect(frames.map((f) => f.event)).toEqual([
      'response.created',
      'response.in_progress',
      'response.output_item.added',
      'response.content_part.added',
      'response.output_text.delta',
      'response.output_text.delta',
      'response.output_text.done',
      'response.content_part.done',
      'response.output_item.done',
      'response.completed',
    ]);
    frames.forEach((f, i) => expect(json(f.data)).toMatchObject({ type: f.event, sequence_number: i }));
    expect(frames.filter((f) => f.event === 'response.output_text.delta').map((f) => json(f.data)['delta'])).toEqual(['Hello', '!']);
    expect(json(frames.at(-1)?.data)['response']).toMatchObject({ status: 'completed', usage: { input_tokens: 9, output_tokens: 2, total_tokens: 11 } });
  });
});

describe('reasoning arrives in each provider’s own form, before the answer', () => {
  const thinking = { ...TWO, reasoning: ['Let', ' me'] } satisfies FakeBehaviour;
  it.each([
    ['deepseek', 'reasoning_content'],
    ['groq', 'reasoning'],
    ['vllm', 'reasoning'],
    ['xai', 'reasoning_content'],
  ] as const)('%s puts thinking in delta.%s', async (flavor, fieldName) => {
    const server = await fake('openai-chat', thinking, flavor);
    const frames = sseFrames(await (await post(`${server.baseUrl}/chat/completions`, { stream: true })).text());
    const deltas = frames
      .filter((f) => f.data !== undefined && f.data !== '[DONE]')
      .map((f) => ((json(f.data)['choices'] as Record<string, unknown>[])[0]?.['delta'] ?? {}) as Record<string, unknown>);
    expect(deltas.map((d) => d[fieldName]).filter((v) => typeof v === 'string' && v.length > 0)).toEqual(['Let', ' me']);
    expect(deltas.findIndex((d) => d['content'] === 'Hello')).toBeGreaterThan(deltas.findIndex((d) => d[fieldName] === ' me'));
  });

  it('DeepSeek is served at the bare host and sends a queued keep-alive comment first', async () => {
    const server = await fake('openai-chat', thinking, 'deepseek');
    expect(server.baseUrl).toBe(server.origin);
    const text = await (await post(`${server.origin}/chat/completions`, { stream: true })).text();
    expect(text.startsWith(': keep-alive\n\n')).toBe(true);
  });

  it('Groq serves under /openai/v1 and puts usage in x_groq.usage on the final chunk', async () => {
    const server = await fake('openai-chat', thinking, 'groq');
    expect(server.baseUrl).toBe(`${server.origin}/openai/v1`);
    const frames = sseFrames(await (await post(`${server.baseUrl}/chat/completions`, { stream: true })).text());
    const finish = json(frames.at(-2)?.data);
    expect(finish['x_groq']).toMatchObject({ usage: { prompt_tokens: 9, completion_tokens: 4, queue_time: expect.any(Number) as number } });
  });

  it('Mistral sends thinking as array content and usage on the last chunk without stream_options', async () => {
    const server = await fake('openai-chat', thinking, 'mistral');
    const frames = sseFrames(await (await post(`${server.baseUrl}/chat/completions`, { stream: true })).text());
    const second = json(frames[1]?.data)['choices'] as { delta: unknown }[];
    expect(second[0]?.delta).toEqual({ content: [{ type: 'thinking', thinking: [{ type: 'text', text: 'Let' }] }] });
    expect(json(frames.at(-2)?.data)).toMatchObject({ usage: { prompt_tokens: 9, completion_tokens: 4, total_tokens: 13 } });
    expect(frames.at(-1)?.data).toBe('[DONE]');
  });

  it('OpenAI chat hides reasoning text and counts it in reasoning_tokens', async () => {
    const server = await fake('openai-chat', thinking);
    const text = await (await post(`${server.baseUrl}/chat/completions`, { stream: true, stream_options: { include_usage: true } })).text();
    expect(text).not.toContain('Let');
    expect(text).toContain('"completion_tokens_details":{"reasoning_tokens":2}');
  });

  it('Responses streams reasoning summary deltas in their own output item', async () => {
    const server = await fake('openai-responses', thinking);
    const frames = sseFrames(await (await streamRequest(server, 'openai-responses')).text());
    const deltas = frames.filter((f) => f.event === 'response.reasoning_summary_text.delta').map((f) => json(f.data)['delta']);
    expect(deltas).toEqual(['Let', ' me']);
    expect(json(frames.at(-1)?.data)['response']).toMatchObject({ usage: { output_tokens_details: { reasoning_tokens: 2 } } });
  });
});

describe('fault modes', () => {
  it('errorAfter: OpenAI sends data: {"error":…} with status 200 and no [DONE]', async () => {
    const server = await fake('openai-chat', { ...TWO, errorAfter: 1 });
    const res = await post(`${server.baseUrl}/chat/completions`, { stream: true });
    expect(res.status).toBe(200);
    const frames = sseFrames(await res.text());
    expect(json(frames.at(-1)?.data)).toEqual({
      error: { message: 'The server had an error while processing your request. Sorry about that!', type: 'server_error', param: null, code: null },
    });
    expect(frames.some((f) => f.data === '[DONE]')).toBe(false);
  });

  it('errorAfter: vLLM still sends [DONE] after its error frame', async () => {
    const server = await fake('openai-chat', { ...TWO, errorAfter: 1 }, 'vllm');
    const frames = sseFrames(await (await post(`${server.baseUrl}/chat/completions`, { stream: true })).text());
    expect(json(frames.at(-2)?.data)).toMatchObject({ error: { code: 500 } });
    expect(frames.at(-1)?.data).toBe('[DONE]');
  });

  it('errorAfter: Responses sends event: error then response.failed', async () => {
    const server = await fake('openai-responses', { ...TWO, errorAfter: 1 });
    const frames = sseFrames(await (await streamRequest(server, 'openai-responses')).text());
    expect(frames.slice(-2).map((f) => f.event)).toEqual(['error', 'response.failed']);
    expect(json(frames.at(-2)?.data)).toMatchObject({ type: 'error', error: { code: 'server_error' } });
    expect(json(frames.at(-1)?.data)).toMatchObject({ response: { status: 'failed', error: { code: 'server_error' } } });
  });
});

describe('status errors carry the provider’s real body', () => {
  it('OpenAI 429 sets retry-after and retry-after-ms and the rate_limit_exceeded body', async () => {
    const server = await fake('openai-chat', { status: 429, retryAfter: { seconds: 2, ms: 1500 } });
    const res = await post(`${server.baseUrl}/chat/completions`, { model: 'gpt-4o', stream: true });
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('2');
    expect(res.headers.get('retry-after-ms')).toBe('1500');
    expect(await res.json()).toMatchObject({ error: { type: 'tokens', code: 'rate_limit_exceeded', param: null } });
  });

  it('OpenAI 400 is context_length_exceeded and 404 is model_not_found', async () => {
    const server = await fake('openai-chat', { status: 400 });
    expect(await (await post(`${server.baseUrl}/chat/completions`, { model: 'gpt-4o' })).json()).toMatchObject({ error: { code: 'context_length_exceeded', param: 'messages' } });
    server.setBehaviour({ status: 404 });
    expect(await (await post(`${server.baseUrl}/chat/completions`, { model: 'gpt-9' })).json()).toEqual({
      error: { message: 'The model `gpt-9` does not exist or you do not have access to it.', type: 'invalid_request_error', param: null, code: 'model_not_found' },
    });
  });

  it('Mistral 401 and xAI bad keys are not OpenAI-shaped', async () => {
    const mistral = await fake('openai-chat', { requiredKey: 'right' }, 'mistral');
    const res = await post(`${mistral.baseUrl}/chat/completions`, {}, { authorization: 'Bearer wrong' });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ message: 'Unauthorized', request_id: expect.any(String) as string });
    const xai = await fake('openai-chat', { requiredKey: 'right' }, 'xai');
    const bad = await post(`${xai.baseUrl}/chat/completions`, {}, { authorization: 'Bearer wrong' });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ code: 'Client specified an invalid argument', error: expect.stringContaining('Incorrect API key') as string });
  });
});

describe('requiredKey rejects a wrong key with the real auth body and admits the right one', () => {
  it('OpenAI: 401 invalid_api_key', async () => {
    const server = await fake('openai-chat', { ...TWO, requiredKey: 'sk-right' });
    const bad = await post(`${server.baseUrl}/chat/completions`, { stream: true }, { authorization: 'Bearer sk-wrong' });
    expect(bad.status).toBe(401);
    expect(await bad.json()).toMatchObject({ error: { type: 'invalid_request_error', code: 'invalid_api_key', param: null } });
    expect((await post(`${server.baseUrl}/chat/completions`, { stream: true }, { authorization: 'Bearer sk-right' })).status).toBe(200);
  });
});
