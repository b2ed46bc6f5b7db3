import { streamText } from 'ai';
import { startFake } from '/work/main/tests/fakes/index';
import { createLanguageModel } from '/work/main/electron/core/providers/registry';
import { factsOf } from '/work/main/electron/core/providers/error-facts';
for (const [kind, format, flavor, id] of [['anthropic','anthropic',undefined,'claude-x'],['google','gemini',undefined,'gemini-2.0-flash'],['groq','openai-chat','groq','llama'],['openai-compatible','openai-chat','vllm','q']] as const) {
  const fake = await startFake(format, { errorAfter: 2 }, flavor ? { flavor } : {});
  const model = createLanguageModel({ id: 'c', kind, name: kind, baseUrl: fake.baseUrl, local: true, extraModels: [], createdAt: 0 }, id, { fetch: globalThis.fetch, apiKey: 'k-123456' });
  const r = streamText({ model, prompt: 'hi', maxRetries: 0, onError: () => {} });
  for await (const p of r.fullStream) if (p.type === 'error') { const e = p.error as any; console.log(kind, typeof e, e?.constructor?.name, e?.name, JSON.stringify(e)?.slice(0, 300)); console.log(JSON.stringify(factsOf(e))); }
  await fake.close();
}
