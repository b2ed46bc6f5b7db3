// The fake providers speak each wire format as docs/provider-wire-formats.md records it: Ollama native /api/chat and its OpenAI-compatible /v1 route.
import { afterEach, describe, expect, it } from 'vitest';
import { type FakeBehaviour } from '../fakes/index';
import { ndjsonLines, sseFrames } from '../fakes/wire-reader';
import { closeFakes, TWO, fake, post, streamRequest } from '../fakes/wire-client';

afterEach(closeFakes);

describe('happy two-token streams match the recorded wire examples', () => {
  it('Ollama: NDJSON lines ending with done:true and nanosecond metrics (docs/provider-wire-formats.md §3.5)', async () => {
    const server = await fake('ollama');
    const res = await streamRequest(server, 'ollama');
    expect(res.headers.get('content-type')).toBe('application/x-ndjson');
    const text = await res.text();
    expect(text.endsWith('}\n')).toBe(true);
    const lines = ndjsonLines(text) as Record<string, unknown>[];
    expect(lines.map((l) => l['message'])).toEqual([
      { role: 'assistant', content: 'Hello' },
      { role: 'assistant', content: '!' },
      { role: 'assistant', content: '' },
    ]);
    expect(lines.map((l) => l['done'])).toEqual([false, false, true]);
    expect(lines[2]).toMatchObject({ done_reason: 'stop', prompt_eval_count: 9, eval_count: 2, total_duration: expect.any(Number) as number });
  });
});

describe('reasoning arrives in each provider’s own form, before the answer', () => {
  const thinking = { ...TWO, reasoning: ['Let', ' me'] } satisfies FakeBehaviour;
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
  it('errorAfter: Ollama writes an {"error"} line and no done:true', async () => {
    const server = await fake('ollama', { ...TWO, errorAfter: 1 });
    const lines = ndjsonLines(await (await streamRequest(server, 'ollama')).text());
    expect(lines.at(-1)).toEqual({ error: 'an error was encountered while running the model' });
    expect(lines.some((l) => (l as { done?: boolean }).done === true)).toBe(false);
  });
});

describe('status errors carry the provider’s real body', () => {
  it('Ollama 404 is a plain {"error"} string', async () => {
    const server = await fake('ollama', { status: 404 });
    const res = await post(`${server.origin}/api/chat`, { model: 'nope' });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: "model 'nope' not found" });
  });
});

describe('requiredKey rejects a wrong key with the real auth body and admits the right one', () => {
  it('Ollama: 401 {"error":"unauthorized"} for a wrong bearer', async () => {
    const server = await fake('ollama', { ...TWO, requiredKey: 'o-right' });
    const bad = await post(`${server.origin}/api/chat`, {}, { authorization: 'Bearer nope' });
    expect(bad.status).toBe(401);
    expect(await bad.json()).toEqual({ error: 'unauthorized' });
  });
});
