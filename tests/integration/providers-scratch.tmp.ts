import { startFake } from '../fakes/index';
import { createLanguageModel } from '../../electron/core/providers/registry';
import { streamTurn } from '../../electron/core/providers/stream-turn';
import type { Connection, ProviderKind } from '../../shared/types';
import type { FakeFormat, FakeFlavor, FakeBehaviour } from '../fakes/index';

const cases: Array<[ProviderKind, FakeFormat, FakeFlavor | undefined, string, 'baseUrl' | 'sdkBaseUrl']> = [
  ['openai', 'openai-responses', undefined, 'o3-mini', 'baseUrl'],
  ['anthropic', 'anthropic', undefined, 'claude-x', 'baseUrl'],
  ['google', 'gemini', undefined, 'gemini-2.5-flash', 'baseUrl'],
  ['mistral', 'openai-chat', 'mistral', 'magistral-small-latest', 'baseUrl'],
  ['groq', 'openai-chat', 'groq', 'qwen3-32b', 'baseUrl'],
  ['deepseek', 'openai-chat', 'deepseek', 'deepseek-reasoner', 'baseUrl'],
  ['xai', 'openai-responses', undefined, 'grok-3-mini', 'baseUrl'],
  ['openai-compatible', 'openai-chat', 'vllm', 'Qwen/Qwen3-8B', 'baseUrl'],
  ['ollama', 'ollama', undefined, 'qwen3:8b', 'baseUrl'],
];
const b: FakeBehaviour = JSON.parse(process.env.B ?? '{"reasoning":["Think","ing"],"usage":{"input":11,"output":7,"reasoning":2}}');
for (const [kind, format, flavor, modelId, which] of cases) {
  const fake = await startFake(format, b, flavor ? { flavor } : {});
  const conn: Connection = { id: 'c', kind, name: kind, baseUrl: fake[which], local: true, extraModels: [], createdAt: 0 };
  const model = createLanguageModel(conn, modelId, { fetch: globalThis.fetch, apiKey: 'sk-test-123456789' });
  const ac = new AbortController();
  const parts: string[] = [];
  let text = '', reasoning = '';
  for await (const p of streamTurn({ model, messages: [{ role: 'user', content: 'hi' }], signal: ac.signal, stallTimeoutMs: 500, firstByteTimeoutMs: 2000, retryPolicy: { maxRetries: 0, maxHonouredWaitMs: 20000, baseDelayMs: 1, maxDelayMs: 1 } })) {
    if (p.kind === 'text-delta') text += p.text; else if (p.kind === 'reasoning-delta') reasoning += p.text; else parts.push(JSON.stringify(p));
  }
  console.log(kind, JSON.stringify({ text, reasoning }), parts.join(' '), fake.requests.map((r) => r.path).join(','));
  await fake.close();
}
