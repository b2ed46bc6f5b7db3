// Identifies the model server at one loopback address from the shape of its answers, not its
// port: Ollama by /api/version, vLLM / llama.cpp / LM Studio by what each puts in /v1/models,
// then /health (llama.cpp) and /api/v1/models (LM Studio) when the list alone does not say.
import type { DiscoveredServer } from '../../../shared/contract';
import { getJson, okBody, type Fetch, type GetOptions } from './get-json';
import { parseLocalServerUrl, serverKey, type LocalServerUrl } from './server-url';
import { llamaHealth, lmStudioIds, lmStudioNative, ollamaTags, ollamaVersion, openAiModelList, productFromList } from './wire-shapes';

export const DEFAULT_TIMEOUT_MS = 800;

export interface ProbeOptions {
  fetch: Fetch;
  timeoutMs?: number;
  knownBaseUrls?: readonly string[];
  signal?: AbortSignal;
}

export type ProbeResult = { kind: 'found'; server: DiscoveredServer } | { kind: 'refused'; message: string } | { kind: 'not-found'; message: string };

type Identified = Pick<DiscoveredServer, 'kind' | 'product' | 'models'>;

async function identify(url: LocalServerUrl, opts: GetOptions): Promise<Identified | 'silent' | 'unknown'> {
  const base = `${url.origin}${url.prefix}`;
  const [version, list] = await Promise.all([getJson(`${base}/api/version`, opts), getJson(`${base}/v1/models`, opts)]);
  if (okBody(version, ollamaVersion)) {
    const tags = okBody(await getJson(`${base}/api/tags`, opts), ollamaTags);
    return { kind: 'ollama', product: 'Ollama', models: tags?.models.map((m) => m.name) ?? [] };
  }
  if (!version && !list) return 'silent';
  const models = okBody(list, openAiModelList);
  const product = models ? productFromList(models) : undefined;
  const ids = models?.data.map((m) => m.id) ?? [];
  if (product && product !== 'OpenAI-compatible') return { kind: 'openai-compatible', product, models: ids };

  const [health, native] = await Promise.all([getJson(`${base}/health`, opts), getJson(`${base}/api/v1/models`, opts)]);
  // llama-server answers /health with 503 while it loads a model: still worth showing.
  if (health && llamaHealth.safeParse(health.body).success) return { kind: 'openai-compatible', product: 'llama.cpp', models: ids };
  const lmStudio = okBody(native, lmStudioNative);
  if (lmStudio) return { kind: 'openai-compatible', product: 'LM Studio', models: models ? ids : lmStudioIds(lmStudio) };
  if (models) return { kind: 'openai-compatible', product: 'OpenAI-compatible', models: ids };
  return 'unknown';
}

export function isKnown(baseUrl: string, knownBaseUrls: readonly string[]): boolean {
  const key = serverKey(baseUrl);
  return key !== undefined && knownBaseUrls.some((known) => serverKey(known) === key);
}

/** Probes one address the user typed ("127.0.0.1:1234"); refuses anything not on this machine. */
export async function probeServer(baseUrl: string, opts: ProbeOptions): Promise<ProbeResult> {
  const parsed = parseLocalServerUrl(baseUrl);
  if (!parsed.ok) return { kind: 'refused', message: parsed.message };
  const { url } = parsed;
  const found = await identify(url, { fetch: opts.fetch, timeoutMs: opts.timeoutMs ?? DEFAULT_TIMEOUT_MS, signal: opts.signal });
  const where = `${url.origin}${url.prefix}`;
  if (found === 'silent') return { kind: 'not-found', message: `Nothing answered at ${where}. Is the server running on that port?` };
  if (found === 'unknown') {
    return { kind: 'not-found', message: `Something answered at ${where}, but not like Ollama or an OpenAI-compatible model server.` };
  }
  // Ollama's native API lives at the root; OpenAI-compatible clients expect the /v1 base.
  const serverBase = found.kind === 'ollama' ? where : `${where}/v1`;
  return {
    kind: 'found',
    server: { ...found, baseUrl: serverBase, alreadyAdded: isKnown(serverBase, opts.knownBaseUrls ?? []) },
  };
}
