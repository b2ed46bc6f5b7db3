// The fakes' listing and non-streamed endpoints answer in each provider's real shape (docs/provider-wire-formats.md §5).
import { afterEach, describe, expect, it } from 'vitest';
import { startFake, type FakeBehaviour, type FakeFlavor, type FakeFormat, type FakeServer } from '../fakes/index';

const open: FakeServer[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((fake) => fake.close()));
});

async function fake(format: FakeFormat, behaviour: FakeBehaviour = {}, flavor?: FakeFlavor): Promise<FakeServer> {
  const server = await startFake(format, behaviour, { flavor });
  open.push(server);
  return server;
}

async function getJson(url: string, init?: RequestInit): Promise<unknown> {
  const res = await fetch(url, init);
  expect(res.status).toBe(200);
  return res.json();
}

function postJson(url: string, body: unknown): Promise<unknown> {
  return getJson(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

describe('model listings', () => {
  it('OpenAI lists {object:"list", data:[…]}; Groq under /openai/v1; Together as a bare array', async () => {
    const openai = await fake('openai-chat', { models: ['gpt-4o', 'o3'] });
    expect(await getJson(`${openai.baseUrl}/models`)).toEqual({
      object: 'list',
      data: [
        { id: 'gpt-4o', object: 'model', created: 1723031665, owned_by: 'system' },
        { id: 'o3', object: 'model', created: 1723031665, owned_by: 'system' },
      ],
    });
    const groq = await fake('openai-chat', {}, 'groq');
    expect(await getJson(`${groq.origin}/openai/v1/models`)).toMatchObject({ object: 'list', data: [{ id: 'llama-3.3-70b-versatile' }] });
    expect((await fetch(`${groq.origin}/v1/models`)).status).toBe(404);
    const together = await fake('openai-chat', { models: ['meta-llama/A', 'qwen/B'] }, 'together');
    const list = await getJson(`${together.baseUrl}/models`);
    expect(Array.isArray(list)).toBe(true);
    expect((list as { id: string }[]).map((m) => m.id)).toEqual(['meta-llama/A', 'qwen/B']);
  });

  it('Anthropic pages with limit / after_id and reports has_more, first_id, last_id', async () => {
    const server = await fake('anthropic', { models: ['a', 'b', 'c'] });
    const first = await getJson(`${server.baseUrl}/models?limit=2`);
    expect(first).toMatchObject({ has_more: true, first_id: 'a', last_id: 'b', data: [{ type: 'model', id: 'a' }, { id: 'b' }] });
    expect((first as { data: { created_at: string }[] }).data[0]?.created_at).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(await getJson(`${server.baseUrl}/models?limit=2&after_id=b`)).toMatchObject({ has_more: false, first_id: 'c', last_id: 'c' });
  });

  it('Gemini pages with pageSize / nextPageToken and tells generate from embed models', async () => {
    const server = await fake('gemini', { models: ['gemini-2.5-flash', 'gemini-2.5-pro', 'text-embedding-004'] });
    const first = (await getJson(`${server.baseUrl}/models?pageSize=2`)) as { models: { name: string; supportedGenerationMethods: string[] }[]; nextPageToken?: string };
    expect(first.models.map((m) => m.name)).toEqual(['models/gemini-2.5-flash', 'models/gemini-2.5-pro']);
    expect(first.models[0]?.supportedGenerationMethods).toContain('generateContent');
    expect(first.nextPageToken).toEqual(expect.any(String));
    const second = (await getJson(`${server.baseUrl}/models?pageSize=2&pageToken=${first.nextPageToken ?? ''}`)) as typeof first;
    expect(second.models.map((m) => [m.name, m.supportedGenerationMethods])).toEqual([['models/text-embedding-004', ['embedContent']]]);
    expect(second.nextPageToken).toBeUndefined();
  });

  it('Ollama answers /api/tags, /api/show, /api/ps, /api/version and /v1/models on one port', async () => {
    const server = await fake('ollama', { models: ['llama3.2:latest', 'llava:latest'] });
    const tags = (await getJson(`${server.origin}/api/tags`)) as { models: Record<string, unknown>[] };
    expect(tags.models.map((m) => m['name'])).toEqual(['llama3.2:latest', 'llava:latest']);
    expect(tags.models[0]).toMatchObject({ model: 'llama3.2:latest', size: expect.any(Number) as number, details: { format: 'gguf', quantization_level: 'Q4_K_M' } });
    const show = (await postJson(`${server.origin}/api/show`, { model: 'llava' })) as { capabilities: string[]; model_info: Record<string, unknown> };
    expect(show.capabilities).toContain('vision');
    expect(show.model_info['general.architecture']).toBe('llama');
    expect(show.model_info['llama.context_length']).toBe(131072);
    const missing = await fetch(`${server.origin}/api/show`, { method: 'POST', body: JSON.stringify({ model: 'nope' }) });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: "model 'nope' not found" });
    expect(await getJson(`${server.origin}/api/ps`)).toMatchObject({
      models: [{ name: 'llama3.2:latest', expires_at: expect.any(String) as string, size_vram: expect.any(Number) as number }],
    });
    expect(await getJson(`${server.origin}/api/version`)).toEqual({ version: expect.stringMatching(/^\d+\.\d+\.\d+$/) as string });
    expect(await getJson(`${server.origin}/v1/models`)).toMatchObject({ object: 'list', data: [{ id: 'llama3.2:latest', owned_by: 'library' }, { id: 'llava:latest' }] });
  });
});

describe('non-streamed answers', () => {
  const thinking = { tokens: ['Hi', '!'], reasoning: ['Hm'] } satisfies FakeBehaviour;

  it('OpenAI chat.completion, Anthropic message, Gemini generateContent, Ollama stream:false', async () => {
    const openai = await fake('openai-chat', thinking, 'deepseek');
    expect(await postJson(`${openai.baseUrl}/chat/completions`, { model: 'deepseek-reasoner' })).toMatchObject({
      object: 'chat.completion',
      choices: [{ message: { role: 'assistant', content: 'Hi!', reasoning_content: 'Hm' }, finish_reason: 'stop' }],
      usage: { prompt_tokens: 9, completion_tokens: 3 },
    });
    const anthropic = await fake('anthropic', thinking);
    expect(await postJson(`${anthropic.baseUrl}/messages`, { model: 'claude-sonnet-4-5', max_tokens: 10 })).toMatchObject({
      type: 'message',
      content: [
        { type: 'thinking', thinking: 'Hm' },
        { type: 'text', text: 'Hi!' },
      ],
      stop_reason: 'end_turn',
      usage: { output_tokens: 3 },
    });
    const gemini = await fake('gemini', thinking);
    expect(await postJson(`${gemini.baseUrl}/models/gemini-2.5-flash:generateContent`, { contents: [] })).toMatchObject({
      candidates: [{ content: { parts: [{ text: 'Hm', thought: true }, { text: 'Hi!' }], role: 'model' }, finishReason: 'STOP' }],
      usageMetadata: { candidatesTokenCount: 2, thoughtsTokenCount: 1 },
    });
    const ollama = await fake('ollama', thinking);
    expect(await postJson(`${ollama.origin}/api/chat`, { model: 'qwen3:8b', stream: false })).toMatchObject({
      message: { role: 'assistant', content: 'Hi!', thinking: 'Hm' },
      done: true,
      done_reason: 'stop',
      eval_count: 3,
    });
  });

  it('setBehaviour changes what the following requests get', async () => {
    const server = await fake('openai-chat', { tokens: ['one'] });
    expect(await postJson(`${server.baseUrl}/chat/completions`, {})).toMatchObject({ choices: [{ message: { content: 'one' } }] });
    server.setBehaviour({ tokens: ['two'] });
    expect(await postJson(`${server.baseUrl}/chat/completions`, {})).toMatchObject({ choices: [{ message: { content: 'two' } }] });
    expect(server.requests.map((r) => r.path)).toEqual(['/v1/chat/completions', '/v1/chat/completions']);
  });
});
