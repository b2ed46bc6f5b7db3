// Start-up must not pay for provider SDKs nobody has used yet (bench section 8): importing the
// engine in a fresh Node process resolves none of them; the first model of a kind loads its own.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

// @ai-sdk/provider(-utils) and @ai-sdk/gateway belong to the 'ai' core, which the engine uses at once.
const PROVIDER_PACKAGE = /node_modules\/(@ai-sdk\/(?!provider|gateway)[^/]+|ollama-ai-provider-v2)\//;

/** Runs `body` in a fresh Node with tsx and returns every provider package module it resolved. */
function providerPackagesResolvedBy(body: string): string[] {
  const script = `
    import { registerHooks } from 'node:module';
    const seen = new Set();
    registerHooks({ resolve(specifier, context, next) { const r = next(specifier, context); if (${PROVIDER_PACKAGE}.test(r.url)) seen.add(r.url.match(${PROVIDER_PACKAGE})[1]); return r; } });
    ${body}
    console.log(JSON.stringify([...seen].sort()));
  `;
  const result = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8', timeout: 60_000 });
  if (result.status !== 0) throw new Error(result.stderr);
  return JSON.parse(result.stdout.trim().split('\n').pop()!) as string[];
}

describe('start-up imports', () => {
  it('importing the engine loads no provider package', () => {
    expect(providerPackagesResolvedBy("await import('./electron/core/app.ts');")).toEqual([]);
  });

  it('the first Anthropic model loads the Anthropic package and no other provider', () => {
    const body = `
      const { createLanguageModel } = await import('./electron/core/providers/registry.ts');
      await createLanguageModel({ id: 'c', kind: 'anthropic', name: 'A', local: false, extraModels: [], createdAt: 0 }, 'claude-sonnet-4-5', { fetch: globalThis.fetch, apiKey: 'sk-ant-test' });
    `;
    expect(providerPackagesResolvedBy(body)).toEqual(['@ai-sdk/anthropic']);
  });
});
