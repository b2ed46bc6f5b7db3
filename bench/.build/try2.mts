import { startFakeProcess } from '../../bench/lib/child';
import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import { streamText } from 'ai';
import { createEgress } from '../../electron/core/egress/egress';
import { realisticMarkdownTokens } from '../../tests/fakes/index';
const fake = await startFakeProcess('openai-chat', { tokens: realisticMarkdownTokens(2000) });
const egress = createEgress({ isOffline: () => false, allowedHosts: () => new Set(), record: () => undefined });
async function run(label: string, fetchImpl: typeof fetch, raw: boolean, full: boolean) {
  const t = performance.now();
  const model = createOpenAICompatible({ name: 'x', baseURL: fake.info.baseUrl, fetch: fetchImpl, includeUsage: true }).chatModel('m');
  const r = streamText({ model, prompt: 'hi', includeRawChunks: raw });
  let n = 0;
  if (full) { for await (const p of r.fullStream) if (p.type === 'text-delta') n++; }
  else { for await (const p of r.textStream) n++; }
  const ms = performance.now() - t;
  console.log(label, n, (n / ms * 1000).toFixed(0), 'tok/s');
}
for (let i = 0; i < 3; i++) {
  await run('plain fetch textStream', fetch, false, false);
  await run('plain fetch fullStream raw', fetch, true, true);
  await run('egress fullStream raw', egress.fetchFor({ connectionId: null }), true, true);
  await run('egress fullStream noraw', egress.fetchFor({ connectionId: null }), false, true);
}
await fake.stop();
