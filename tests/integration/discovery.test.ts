// Discovery against tiny real HTTP servers on 127.0.0.1 that answer like Ollama, LM Studio,
// llama.cpp and vLLM; plus a dead port, a silent server and addresses off this machine.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findLocalServers } from '../../electron/core/discovery/find-local-servers';
import { probeServer } from '../../electron/core/discovery/probe-server';

type Routes = Record<string, [status: number, body: unknown]>;

const servers: Server[] = [];

async function serve(routes: Routes | 'silent'): Promise<string> {
  const server = createServer((req, res) => {
    if (routes === 'silent') return; // accepts the connection, never answers
    const route = routes[req.url ?? ''];
    const [status, body] = route ?? [404, { error: 'not found' }];
    res.writeHead(status, { 'content-type': typeof body === 'string' ? 'text/html' : 'application/json' });
    res.end(typeof body === 'string' ? body : JSON.stringify(body));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function deadPort(): Promise<string> {
  const url = await serve({});
  const server = servers.pop();
  await new Promise((done) => server?.close(done));
  return url;
}

/** The real fetch, with every requested URL written down. */
function recordingFetch() {
  const requested: string[] = [];
  const fetch: typeof globalThis.fetch = (input, init) => {
    requested.push(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    return globalThis.fetch(input, init);
  };
  return { fetch, requested };
}

const openAiList = (owner: string, ids: string[], extra: Record<string, unknown> = {}) => ({
  object: 'list',
  data: ids.map((id) => ({ id, object: 'model', created: 1715367049, owned_by: owner, ...extra })),
});

let ollama: string;
let lmStudio: string;
let lmStudioPlain: string;
let llamaCpp: string;
let llamaLoading: string;
let vllm: string;
let generic: string;
let webPage: string;
let silent: string;
let dead: string;

beforeAll(async () => {
  ollama = await serve({
    '/api/version': [200, { version: '0.5.1' }],
    '/api/tags': [
      200,
      {
        models: [
          { name: 'llama3.2:latest', model: 'llama3.2:latest', size: 2019393189, details: { family: 'llama' } },
          { name: 'qwen2.5:7b', model: 'qwen2.5:7b' },
        ],
      },
    ],
    '/v1/models': [200, openAiList('library', ['llama3.2:latest', 'qwen2.5:7b'])],
  });
  lmStudio = await serve({
    '/v1/models': [200, { data: [{ id: 'qwen/qwen3-vl-8b', object: 'model', owned_by: 'organization_owner' }], object: 'list' }],
  });
  lmStudioPlain = await serve({
    '/v1/models': [200, openAiList('system', ['google/gemma-3-12b'])],
    '/api/v1/models': [200, { models: [{ type: 'llm', key: 'google/gemma-3-12b', display_name: 'Gemma 3 12B' }] }],
  });
  llamaCpp = await serve({
    '/health': [200, { status: 'ok' }],
    '/v1/models': [200, { ...openAiList('llamacpp', ['gemma-3-4b-it-Q8_0.gguf'], { meta: { n_ctx_train: 131072 } }) }],
  });
  llamaLoading = await serve({
    '/health': [503, { error: { code: 503, message: 'Loading model', type: 'unavailable_error' } }],
    '/v1/models': [503, { error: { code: 503, message: 'Loading model', type: 'unavailable_error' } }],
  });
  vllm = await serve({
    '/v1/models': [200, openAiList('vllm', ['meta-llama/Llama-3.1-8B-Instruct'], { root: 'meta-llama/Llama-3.1-8B-Instruct', max_model_len: 8192, permission: [] })],
  });
  generic = await serve({ '/v1/models': [200, openAiList('system', ['my-model'])] });
  webPage = await serve({ '/': [200, '<html>hello</html>'] });
  silent = await serve('silent');
  dead = await deadPort();
});

afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise((done) => (s.closeAllConnections(), s.close(done)))));
});

describe('findLocalServers', () => {
  it('finds each running server, names the product and lists its models', async () => {
    const { fetch } = recordingFetch();
    const found = await findLocalServers({
      fetch,
      candidates: [ollama, lmStudio, lmStudioPlain, llamaCpp, vllm, generic, dead],
      knownBaseUrls: [],
    });
    expect(found).toEqual([
      { kind: 'ollama', product: 'Ollama', baseUrl: ollama, models: ['llama3.2:latest', 'qwen2.5:7b'], alreadyAdded: false },
      { kind: 'openai-compatible', product: 'LM Studio', baseUrl: `${lmStudio}/v1`, models: ['qwen/qwen3-vl-8b'], alreadyAdded: false },
      { kind: 'openai-compatible', product: 'LM Studio', baseUrl: `${lmStudioPlain}/v1`, models: ['google/gemma-3-12b'], alreadyAdded: false },
      { kind: 'openai-compatible', product: 'llama.cpp', baseUrl: `${llamaCpp}/v1`, models: ['gemma-3-4b-it-Q8_0.gguf'], alreadyAdded: false },
      { kind: 'openai-compatible', product: 'vLLM', baseUrl: `${vllm}/v1`, models: ['meta-llama/Llama-3.1-8B-Instruct'], alreadyAdded: false },
      { kind: 'openai-compatible', product: 'OpenAI-compatible', baseUrl: `${generic}/v1`, models: ['my-model'], alreadyAdded: false },
    ]);
  });

  it('shows a llama.cpp server that is still loading its model', async () => {
    const { fetch } = recordingFetch();
    const [server] = await findLocalServers({ fetch, candidates: [llamaLoading], knownBaseUrls: [] });
    expect(server).toMatchObject({ product: 'llama.cpp', models: [] });
  });

  it('marks servers the user already added, however the address was spelled', async () => {
    const { fetch } = recordingFetch();
    const ollamaPort = new URL(ollama).port;
    const found = await findLocalServers({
      fetch,
      candidates: [ollama, vllm],
      knownBaseUrls: [`http://localhost:${ollamaPort}/`, 'https://api.openai.com/v1'],
    });
    expect(found.map((s) => [s.product, s.alreadyAdded])).toEqual([
      ['Ollama', true],
      ['vLLM', false],
    ]);
  });

  it('refuses candidates off this machine without sending them a single request', async () => {
    const { fetch, requested } = recordingFetch();
    const found = await findLocalServers({
      fetch,
      candidates: ['http://192.0.2.10:11434', 'http://example.com:1234', 'http://10.0.0.2:8000', ollama],
      knownBaseUrls: [],
    });
    expect(found.map((s) => s.product)).toEqual(['Ollama']);
    expect(requested.length).toBeGreaterThan(0);
    expect(requested.every((u) => new URL(u).hostname === '127.0.0.1')).toBe(true);
  });

  it('probes the default ports on loopback only, with GETs', async () => {
    const requested: string[] = [];
    const methods: string[] = [];
    const fetch: typeof globalThis.fetch = (input, init) => {
      methods.push(init?.method ?? 'GET');
      requested.push(String(input));
      return Promise.reject(new TypeError('fetch failed'));
    };
    expect(await findLocalServers({ fetch, knownBaseUrls: [] })).toEqual([]);
    const origins = new Set(requested.map((u) => new URL(u).origin));
    expect([...origins].sort()).toEqual(['11434', '1234', '8080', '9931', '8000'].map((p) => `http://127.0.0.1:${p}`).sort());
    expect(new Set(methods)).toEqual(new Set(['GET']));
  });

  it('does not wait on a server that accepts the connection but never answers', async () => {
    const { fetch } = recordingFetch();
    const started = performance.now();
    const found = await findLocalServers({ fetch, candidates: [silent, ollama], timeoutMs: 150, knownBaseUrls: [] });
    expect(found.map((s) => s.product)).toEqual(['Ollama']);
    // Two bounded rounds at most; generous so a loaded machine does not flake.
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});

describe('probeServer (an address the user typed)', () => {
  it('accepts host:port without a scheme and with a trailing /v1', async () => {
    const { fetch } = recordingFetch();
    const port = new URL(lmStudio).port;
    const result = await probeServer(`localhost:${port}/v1/`, { fetch, knownBaseUrls: [] });
    expect(result).toEqual({
      kind: 'found',
      server: { kind: 'openai-compatible', product: 'LM Studio', baseUrl: `http://localhost:${port}/v1`, models: ['qwen/qwen3-vl-8b'], alreadyAdded: false },
    });
  });

  it('refuses a LAN address before any request', async () => {
    const { fetch, requested } = recordingFetch();
    const result = await probeServer('192.168.1.20:11434', { fetch });
    expect(result).toMatchObject({ kind: 'refused', message: expect.stringMatching(/not this machine/) });
    expect(requested).toEqual([]);
  });

  it('says nothing answered on a dead port', async () => {
    const { fetch } = recordingFetch();
    expect(await probeServer(dead, { fetch })).toMatchObject({ kind: 'not-found', message: expect.stringMatching(/Nothing answered/) });
  });

  it('says when something answered that is not a model server', async () => {
    const { fetch } = recordingFetch();
    expect(await probeServer(webPage, { fetch })).toMatchObject({ kind: 'not-found', message: expect.stringMatching(/Something answered/) });
  });
});
