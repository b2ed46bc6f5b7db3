// Connections to model providers and local servers: add, edit, test, list their models, find them.
import { z } from 'zod';
import { STALL_LIMITS } from '../stall-timeouts';
import type { ChatError, ConnectionView, ModelInfo } from '../types';
import { PROVIDER_KINDS } from '../types';
import { call, empty, httpUrl, id, text } from './define';

export interface ConnectionTestResult {
  ok: boolean;
  latencyMs: number;
  modelCount?: number;
  error?: ChatError;
  /** The connection as the test left it (a key it verified says so): no re-listing needed. */
  connection?: ConnectionView;
}

export interface ModelListResult {
  models: ModelInfo[];
  fetchedAt: number;
  fromCache: boolean;
  error?: ChatError;
}

export interface DiscoveredServer {
  kind: 'ollama' | 'openai-compatible';
  product: 'Ollama' | 'LM Studio' | 'llama.cpp' | 'vLLM' | 'OpenAI-compatible';
  baseUrl: string;
  models: string[];
  alreadyAdded: boolean;
}

export type ProbeLocalServerResult = { found: true; server: DiscoveredServer } | { found: false; message: string };

const stallMs = z.number().int().min(STALL_LIMITS.minMs).max(STALL_LIMITS.maxMs);

export const connectionCalls = {
  listConnections: call<ConnectionView[]>()(empty),
  addConnection: call<ConnectionView>()(
    z
      .object({
        kind: z.enum(PROVIDER_KINDS),
        name: text(100).min(1),
        baseUrl: httpUrl.optional(),
        /** Received once by main and stored in the keychain; never sent back. */
        apiKey: z.string().min(1).max(1000).optional(),
      })
      .strict(),
  ),
  updateConnection: call<ConnectionView>()(
    z
      .object({
        id,
        name: text(100).min(1).optional(),
        /** null drops an override and goes back to the provider's default address. */
        baseUrl: httpUrl.nullable().optional(),
        apiKey: z.string().min(1).max(1000).optional(),
        extraModels: z.array(z.string().min(1).max(300)).max(200).optional(),
        /** null goes back to the default for local or remote servers. */
        firstByteTimeoutMs: stallMs.nullable().optional(),
        stallTimeoutMs: stallMs.nullable().optional(),
      })
      .strict(),
  ),
  removeConnection: call<{ removed: true }>()(z.object({ id }).strict()),
  testConnection: call<ConnectionTestResult>()(z.object({ id }).strict()),
  listModels: call<ModelListResult>()(z.object({ connectionId: id, refresh: z.boolean().optional() }).strict()),
  findLocalServers: call<DiscoveredServer[]>()(empty),
  /** Probes one address the user typed ("127.0.0.1:8081"); loopback only. */
  probeLocalServer: call<ProbeLocalServerResult>()(z.object({ address: text(300).min(1) }).strict()),
} as const;
