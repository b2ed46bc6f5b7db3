// The fake providers speak each wire format as the reference sheet records it
// (/work/shared/provider-wire-formats.md), and their fault modes do what they say.
import { afterEach, describe, expect, it } from 'vitest';
import { realisticMarkdownTokens, startFake, type FakeBehaviour, type FakeFlavor, type FakeFormat, type FakeServer } from '../fakes/index';
import { eventually, ndjsonLines, readBody, sseFrames } from '../fakes/wire-reader';

const TWO = { tokens: ['Hello', '!'] } satisfies FakeBehaviour;
const open: FakeServer[] = [];

afterEach(async () => {
  await Promise.all(open.splice(0).map((fake) => fake.close()));
});

async function fake(format: FakeFormat, behaviour: FakeBehaviour = TWO, flavor?: FakeFlavor): Promise<FakeServer> {
  const server = await startFake(format, behaviour, { flavor });
  open.push(server);
  return server;
}

function post(url: string, body: unknown, headers: Record<string, string> = {}, signal?: AbortSignal): Promise<Response> {
  return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body), signal });
}

function json(data: string | undefined): Record<string, unknown> {
  return JSON.parse(data ?? 'null') as Record<string, unknown>;
}

/** Calls each format's streaming endpoint the way its SDK does. */
function streamRequest(server: FakeServer, format: FakeFormat, signal?: AbortSignal): Promise<Response> {
  switch (format) {
    case 'openai-chat': return post(`${server.baseUrl}/chat/completions`, { model: 'gpt-4o', stream: true, messages: [] }, {}, signal);
    case 'openai-responses': return post(`${server.baseUrl}/responses`, { model: 'gpt-4o', stream: true, input: 'hi' }, {}, signal);
    case 'anthropic': return post(`${server.baseUrl}/messages`, { model: 'claude-sonnet-4-5', max_tokens: 64, stream: true, messages: [] }, {}, signal);
    case 'gemini': return post(`${server.baseUrl}/models/gemini-2.0-flash:streamGenerateContent?alt=sse`, { contents: [] }, {}, signal);
    case 'ollama': return post(`${server.origin}/api/chat`, { model: 'llama3.2', messages: [] }, {}, signal);
  }
}

const FORMATS: FakeFormat[] = ['openai-chat', 'openai-responses', 'anthropic', 'gemini', 'ollama'];

describe('happy two-token streams match the recorded wire examples', () => {
  it('OpenAI chat: data-only frames, finish chunk, usage chunk with include_usage, [DONE] (docs/provider-wire-formats.md §3.1)', async () => {
    const server = await fake('openai-chat');
    const res = await post(`${server.baseUrl}/chat/completions`, { model: 'gpt-4o-2024-08-06', stream: true, stream_options: { include_usage: true }, messages: [] });
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    expect(res.headers.get('x-request-id')).toMatch(/^req_/);
    const body = (await res.text()).replace(/chatcmpl-\d+/g, 'chatcmpl-1');
    const head = '{"id":"chatcmpl-1","object":"chat.completion.chunk","created":1723031665,"model":"gpt-4o-2024-08-06","system_fingerprint":"fp_1","choices":';
    expect(body).toBe([
      `data: ${head}[{"index":0,"delta":{"role":"assistant","content":"","refusal":null},"logprobs":null,"finish_reason":null}],"usage":null}\n\n`,
      `data: ${head}[{"index":0,"delta":{"content":"Hello"},"logprobs":null,"finish_reason":null}],"usage":null}\n\n`,
      `data: ${head}[{"index":0,"delta":{"content":"!"},"logprobs":null,"finish_reason":null}],"usage":null}\n\n`,
      `data: ${head}[{"index":0,"delta":{},"logprobs":null,"finish_reason":"stop"}],"usage":null}\n\n`,
      `data: ${head}[],"usage":{"prompt_tokens":9,"completion_tokens":2,"total_tokens":11,"prompt_tokens_details":{"cached_tokens":0},"completion_tokens_details":{"reasoning_tokens":0}}}\n\n`,
      'data: [DONE]\n\n',
    ].join(''));
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
      'response.created', 'response.in_progress', 'response.output_item.added', 'response.content_part.added',
      'response.output_text.delta', 'response.output_text.delta', 'response.output_text.done',
      'response.content_part.done', 'response.output_item.done', 'response.completed',
    ]);
    frames.forEach((f, i) => expect(json(f.data)).toMatchObject({ type: f.event, sequence_number: i }));
    expect(frames.filter((f) => f.event === 'response.output_text.delta').map((f) => json(f.data)['delta'])).toEqual(['Hello', '!']);
    expect(json(frames.at(-1)?.data)['response']).toMatchObject({ status: 'completed', usage: { input_tokens: 9, output_tokens: 2, total_tokens: 11 } });
  });

  it('Anthropic: event + data on every frame, ping, cumulative usage, message_stop (docs/provider-wire-formats.md §3.3)', async () => {
    const server = await fake('anthropic', { ...TWO, usage: { input: 11, output: 2 } });
    const res = await streamRequest(server, 'anthropic');
    expect(res.headers.get('request-id')).toMatch(/^req_/);
    const text = await res.text();
    const frames = sseFrames(text);
    expect(frames.map((f) => f.event)).toEqual([
      'message_start', 'content_block_start', 'ping', 'content_block_delta', 'content_block_delta',
      'content_block_stop', 'message_delta', 'message_stop',
    ]);
    expect(text).toContain('event: ping\ndata: {"type": "ping"}\n\n');
    expect(text).toContain('event: content_block_delta\ndata: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Hello"}}\n\n');
    expect(text.endsWith('event: message_stop\ndata: {"type":"message_stop"}\n\n')).toBe(true);
    expect(json(frames[0]?.data)).toMatchObject({ message: { role: 'assistant', content: [], stop_reason: null, usage: { input_tokens: 11, output_tokens: 1 } } });
    expect(json(frames[6]?.data)).toMatchObject({ delta: { stop_reason: 'end_turn', stop_sequence: null }, usage: { output_tokens: 2 } });
  });

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
    expect(text.split(delimiter).filter((part) => part.length > 0).map((part) => part.startsWith('data: {'))).toEqual([true, true]);
  });

  it('Ollama: NDJSON lines ending with done:true and nanosecond metrics (docs/provider-wire-formats.md §3.5)', async () => {
    const server = await fake('ollama');
    const res = await streamRequest(server, 'ollama');
    expect(res.headers.get('content-type')).toBe('application/x-ndjson');
    const text = await res.text();
    expect(text.endsWith('}\n')).toBe(true);
    const lines = ndjsonLines(text) as Record<string, unknown>[];
    expect(lines.map((l) => l['message'])).toEqual([
      { role: 'assistant', content: 'Hello' }, { role: 'assistant', content: '!' }, { role: 'assistant', content: '' },
    ]);
    expect(lines.map((l) => l['done'])).toEqual([false, false, true]);
    expect(lines[2]).toMatchObject({ done_reason: 'stop', prompt_eval_count: 9, eval_count: 2, total_duration: expect.any(Number) as number });
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
    const deltas = frames.filter((f) => f.data !== undefined && f.data !== '[DONE]')
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

  it('Anthropic streams a thinking block closed by signature_delta, then the text block at index 1', async () => {
    const server = await fake('anthropic', thinking);
    const frames = sseFrames(await (await streamRequest(server, 'anthropic')).text()).map((f) => json(f.data));
    const types = frames.map((f) => ((f['delta'] ?? f['content_block']) as { type?: string } | undefined)?.type ?? f['type']);
    expect(types).toEqual([
      'message_start', 'thinking', 'ping', 'thinking_delta', 'thinking_delta', 'signature_delta', 'content_block_stop',
      'text', 'text_delta', 'text_delta', 'content_block_stop', 'message_delta', 'message_stop',
    ]);
    expect(frames.at(-2)).toMatchObject({ usage: { output_tokens: 4 } });
  });

  it('Gemini marks thought parts with thought:true and counts thoughtsTokenCount apart', async () => {
    const server = await fake('gemini', thinking);
    const chunks = sseFrames(await (await streamRequest(server, 'gemini')).text()).map((f) => json(f.data));
    const parts = chunks.map((c) => ((c['candidates'] as { content: { parts: Record<string, unknown>[] } }[])[0]?.content.parts[0]));
    expect(parts.map((p) => [p?.['text'], p?.['thought'] === true])).toEqual([['Let', true], [' me', true], ['Hello', false], ['!', false]]);
    expect(chunks.at(-1)?.['usageMetadata']).toMatchObject({ candidatesTokenCount: 2, thoughtsTokenCount: 2, totalTokenCount: 13 });
  });

  it('Ollama native streams message.thinking; its /v1 route on the same port streams delta.reasoning', async () => {
    const server = await fake('ollama', thinking);
    const lines = ndjsonLines(await (await streamRequest(server, 'ollama')).text()) as { message: Record<string, unknown> }[];
    expect(lines[0]?.message).toEqual({ role: 'assistant', content: '', thinking: 'Let' });
    const compat = sseFrames(await (await post(`${server.origin}/v1/chat/completions`, { model: 'llama3.2', stream: true })).text());
    expect(compat[1]?.data).toContain('"delta":{"reasoning":"Let"}');
    expect(compat.at(-1)?.data).toBe('[DONE]');
  });
});

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

  it('errorAfter: OpenAI sends data: {"error":…} with status 200 and no [DONE]', async () => {
    const server = await fake('openai-chat', { ...TWO, errorAfter: 1 });
    const res = await post(`${server.baseUrl}/chat/completions`, { stream: true });
    expect(res.status).toBe(200);
    const frames = sseFrames(await res.text());
    expect(json(frames.at(-1)?.data)).toEqual({ error: { message: 'The server had an error while processing your request. Sorry about that!', type: 'server_error', param: null, code: null } });
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

  it('errorAfter: Anthropic sends event: error overloaded_error and never message_stop', async () => {
    const server = await fake('anthropic', { ...TWO, errorAfter: 1 });
    const text = await (await streamRequest(server, 'anthropic')).text();
    expect(text.endsWith('event: error\ndata: {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}\n\n')).toBe(true);
    expect(text).not.toContain('message_stop');
  });

  it('errorAfter: Gemini sends an RPC error chunk and closes', async () => {
    const server = await fake('gemini', { ...TWO, errorAfter: 1 });
    const frames = sseFrames(await (await streamRequest(server, 'gemini')).text());
    expect(json(frames.at(-1)?.data)).toMatchObject({ error: { code: 500, status: 'INTERNAL' } });
  });

  it('errorAfter: Ollama writes an {"error"} line and no done:true', async () => {
    const server = await fake('ollama', { ...TWO, errorAfter: 1 });
    const lines = ndjsonLines(await (await streamRequest(server, 'ollama')).text());
    expect(lines.at(-1)).toEqual({ error: 'an error was encountered while running the model' });
    expect(lines.some((l) => (l as { done?: boolean }).done === true)).toBe(false);
  });

  it.each(FORMATS)('%s: malformedAfter sends one broken JSON frame and then carries on', async (format) => {
    const server = await fake(format, { ...TWO, malformedAfter: 1 });
    const text = await (await streamRequest(server, format)).text();
    const payloads = format === 'ollama' ? text.split('\n').filter(Boolean) : sseFrames(text).map((f) => f.data ?? '');
    const broken = payloads.filter((p) => {
      try { JSON.parse(p); return false; } catch { return p !== '[DONE]'; }
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

  it('Anthropic 529 is overloaded_error with request_id in body and header', async () => {
    const server = await fake('anthropic', { status: 529 });
    const res = await streamRequest(server, 'anthropic');
    expect(res.status).toBe(529);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } });
    expect(body['request_id']).toBe(res.headers.get('request-id'));
  });

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

  it('Ollama 404 is a plain {"error"} string', async () => {
    const server = await fake('ollama', { status: 404 });
    const res = await post(`${server.origin}/api/chat`, { model: 'nope' });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: "model 'nope' not found" });
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

  it('Anthropic: 401 authentication_error for a wrong x-api-key', async () => {
    const server = await fake('anthropic', { ...TWO, requiredKey: 'ant-right' });
    const bad = await post(`${server.baseUrl}/messages`, {}, { 'x-api-key': 'ant-wrong', 'anthropic-version': '2023-06-01' });
    expect(bad.status).toBe(401);
    expect(await bad.json()).toMatchObject({ type: 'error', error: { type: 'authentication_error', message: 'invalid x-api-key' }, request_id: expect.stringMatching(/^req_/) as string });
    expect((await post(`${server.baseUrl}/messages`, {}, { 'x-api-key': 'ant-right' })).status).toBe(200);
  });

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

  it('Ollama: 401 {"error":"unauthorized"} for a wrong bearer', async () => {
    const server = await fake('ollama', { ...TWO, requiredKey: 'o-right' });
    const bad = await post(`${server.origin}/api/chat`, {}, { authorization: 'Bearer nope' });
    expect(bad.status).toBe(401);
    expect(await bad.json()).toEqual({ error: 'unauthorized' });
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
      'openai-chat': `${server.baseUrl}/chat/completions`, 'openai-responses': `${server.baseUrl}/responses`,
      anthropic: `${server.baseUrl}/messages`, gemini: `${server.baseUrl}/models/m:generateContent`, ollama: `${server.origin}/api/chat`,
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
    const reply = (await (await post(`${server.baseUrl}/chat/completions`, { messages: [{ role: 'user', content: 'hi' }] })).json()) as { choices: { message: { content: string } }[] };
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
