// How each OpenAI-compatible server deviates from OpenAI on the wire (docs/provider-wire-formats.md §3.6, §3.7, §5).
import type { FakeFlavor } from './types';

export interface FlavorSpec {
  /** Path prefix before `/v1` (Groq serves under `/openai/v1`). */
  prefix: string;
  /** Also answer without `/v1` (DeepSeek's documented base URL is the bare host). */
  bareRoutes: boolean;
  /** Where thinking text goes in a delta: a string field, Mistral's array content, or nowhere. */
  reasoning: 'reasoning_content' | 'reasoning' | 'deepseek' | 'mistral-thinking' | 'hidden';
  /** Where usage goes in a stream. */
  usage: 'include_usage' | 'last-chunk' | 'x_groq';
  /** OpenAI's `system_fingerprint`, `logprobs` and role-chunk `refusal` fields. */
  openAiExtras: boolean;
  /** DeepSeek sends `: keep-alive` while the request is queued. */
  queuedKeepAlive: boolean;
  /** vLLM still sends `data: [DONE]` after a mid-stream error. */
  doneAfterError: boolean;
  models: 'openai' | 'bare-array';
  ownedBy: string;
  defaultModel: string;
  /** Served by the listing endpoint when the behaviour names no models. */
  listed: string[];
}

const OPENAI: FlavorSpec = {
  prefix: '',
  bareRoutes: false,
  reasoning: 'hidden',
  usage: 'include_usage',
  openAiExtras: true,
  queuedKeepAlive: false,
  doneAfterError: false,
  models: 'openai',
  ownedBy: 'system',
  defaultModel: 'gpt-4o',
  listed: ['gpt-4o', 'gpt-4o-mini', 'o3-mini'],
};

export const FLAVORS: Record<FakeFlavor, FlavorSpec> = {
  openai: OPENAI,
  groq: { ...OPENAI, prefix: '/openai', reasoning: 'reasoning', usage: 'x_groq', ownedBy: 'Meta', defaultModel: 'llama-3.3-70b-versatile', listed: ['llama-3.3-70b-versatile'] },
  deepseek: { ...OPENAI, bareRoutes: true, reasoning: 'deepseek', queuedKeepAlive: true, ownedBy: 'deepseek', defaultModel: 'deepseek-reasoner', listed: ['deepseek-reasoner'] },
  mistral: {
    ...OPENAI,
    reasoning: 'mistral-thinking',
    usage: 'last-chunk',
    openAiExtras: false,
    ownedBy: 'mistralai',
    defaultModel: 'magistral-small-latest',
    listed: ['magistral-small-latest'],
  },
  xai: { ...OPENAI, reasoning: 'reasoning_content', openAiExtras: false, ownedBy: 'xai', defaultModel: 'grok-3-mini', listed: ['grok-3-mini'] },
  vllm: { ...OPENAI, reasoning: 'reasoning', openAiExtras: false, doneAfterError: true, ownedBy: 'vllm', defaultModel: 'Qwen/Qwen3-8B', listed: ['Qwen/Qwen3-8B'] },
  'ollama-v1': { ...OPENAI, reasoning: 'reasoning', openAiExtras: false, ownedBy: 'library', defaultModel: 'llama3.2', listed: ['llama3.2:latest', 'llava:latest', 'qwen3:8b'] },
  // LM Studio and Together: reasoning field unverified (docs/provider-wire-formats.md §3.7); `reasoning` is what current builds send.
  lmstudio: { ...OPENAI, reasoning: 'reasoning', openAiExtras: false, ownedBy: 'organization_owner', defaultModel: 'qwen/qwen3-8b', listed: ['qwen/qwen3-8b'] },
  llamacpp: { ...OPENAI, reasoning: 'reasoning_content', openAiExtras: false, ownedBy: 'llamacpp', defaultModel: 'gpt-oss-20b', listed: ['gpt-oss-20b'] },
  together: {
    ...OPENAI,
    reasoning: 'reasoning',
    openAiExtras: false,
    models: 'bare-array',
    ownedBy: 'together',
    defaultModel: 'meta-llama/Llama-3.3-70B-Instruct-Turbo',
    listed: ['meta-llama/Llama-3.3-70B-Instruct-Turbo'],
  },
};
