// Every provider kind against a fake server speaking its exact wire format over real HTTP on
// loopback, through the real AI SDK packages and the app's own provider layer. Prints the
// matrix at the end so it can be pasted into a report.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFake, type FakeBehaviour, type FakeFlavor, type FakeFormat, type FakeServer } from '../fakes/index';
import { listModels } from '../../electron/core/providers/models/list-models';
import { createLanguageModel } from '../../electron/core/providers/registry';
import type { RetryClock } from '../../electron/core/providers/turn/retry';
import { streamTurn, type StreamTurnOptions, type TurnPart } from '../../electron/core/providers/turn/stream-turn';
import type { ChatError, Connection, ProviderKind, Usage } from '../../shared/types';

interface Row {
  name: string;
  kind: ProviderKind;
  format: FakeFormat;
  flavor?: FakeFlavor;
  modelId: string;
  /** Whether the provider reports reasoning tokens apart in its usage. */
  reasoningUsage: boolean;
}

const ROWS: Row[] = [
  { name: 'openai (responses)', kind: 'openai', format: 'openai-responses', modelId: 'o3-mini', reasoningUsage: true },
  { name: 'anthropic', kind: 'anthropic', format: 'anthropic', modelId: 'claude-sonnet-4-5', reasoningUsage: false },
  { name: 'google', kind: 'google', format: 'gemini', modelId: 'gemini-2.5-flash', reasoningUsage: true },
  { name: 'mistral', kind: 'mistral', format: 'openai-chat', flavor: 'mistral', modelId: 'magistral-small-latest', reasoningUsage: false },
  { name: 'groq', kind: 'groq', format: 'openai-chat', flavor: 'groq', modelId: 'qwen/qwen3-32b', reasoningUsage: false },
  { name: 'deepseek', kind: 'deepseek', format: 'openai-chat', flavor: 'deepseek', modelId: 'deepseek-reasoner', reasoningUsage: true },
  // @ai-sdk/xai v5 speaks only xAI's Responses API.
  { name: 'xai (responses)', kind: 'xai', format: 'openai-responses', modelId: 'grok-3-mini', reasoningUsage: true },
  { name: 'ollama (native)', kind: 'ollama', format: 'ollama', modelId: 'qwen3:8b', reasoningUsage: false },
  { name: 'compatible: vLLM', kind: 'openai-compatible', format: 'openai-chat', flavor: 'vllm', modelId: 'Qwen/Qwen3-8B', reasoningUsage: true },
  { name: 'compatible: LM Studio', kind: 'openai-compatible', format: 'openai-chat', flavor: 'lmstudio', modelId: 'qwen/qwen3-8b', reasoningUsage: true },
  { name: 'compatible: llama.cpp', kind: 'openai-compatible', format: 'openai-chat', flavor: 'llamacpp', modelId: 'gpt-oss-20b', reasoningUsage: true },
  { name: 'compatible: Together', kind: 'openai-compatible', format: 'openai-chat', flavor: 'together', modelId: 'meta-llama/Llama-3.3-70B-Instruct-Turbo', reasoningUsage: true },
  { name: 'compatible: Ollama /v1', kind: 'openai-compatible', format: 'openai-chat', flavor: 'ollama-v1', modelId: 'qwen3:8b', reasoningUsage: true },
];

const COLUMNS = ['text', 'usage', 'reasoning', '401', '404', '429', '500', '529/503', 'cut', 'err@200', 'malformed', 'stall', '1st byte', 'abort', 'unknown', 'list'] as const;
type Column = (typeof COLUMNS)[number];
const matrix = new Map<string, Map<Column, string>>();

const KEY = 'sk-test-right-key-0001';
const TOKENS = ['Hello', ' from', ' the', ' fake', '.'];
/** Retries happen at once: the policy is real, the waiting is not. */
const instant: RetryClock = { now: () => Date.now(), random: () => 0, sleep: async () => undefined };

interface Run {
  text: string;
  reasoning: string;
  usage?: Usage;
  finish?: string;
  error?: ChatError;
  parts: TurnPart[];
}

async function run(row: Row, fake: FakeServer, opts: Partial<StreamTurnOptions> & { apiKey?: string; onPart?: (p: TurnPart) => void } = {}): Promise<Run> {
  const conn: Connection = { id: `c-${row.name}`, kind: row.kind, name: row.name, baseUrl: fake.baseUrl, local: true, extraModels: [], createdAt: 0 };
  const model = await createLanguageModel(conn, row.modelId, { fetch: globalThis.fetch, apiKey: opts.apiKey ?? KEY });
  const out: Run = { text: '', reasoning: '', parts: [] };
  for await (const part of streamTurn({
    model,
    messages: [{ role: 'user', content: 'Say hello.' }],
    system: 'Be brief.',
    signal: opts.signal ?? new AbortController().signal,
    firstByteTimeoutMs: opts.firstByteTimeoutMs ?? 3000,
    stallTimeoutMs: opts.stallTimeoutMs ?? 3000,
    clock: instant,
    ...(opts.retryPolicy ? { retryPolicy: opts.retryPolicy } : {}),
  })) {
    out.parts.push(part);
    opts.onPart?.(part);
    if (part.kind === 'text-delta') out.text += part.text;
    else if (part.kind === 'reasoning-delta') out.reasoning += part.text;
    else if (part.kind === 'usage') out.usage = part.usage;
    else if (part.kind === 'finish') out.finish = part.reason;
    else if (part.kind === 'error') out.error = part.error;
  }
  return out;
}

async function until(check: () => boolean, ms = 2000): Promise<void> {
  const end = Date.now() + ms;
  while (!check() && Date.now() < end) await new Promise((r) => setTimeout(r, 10));
}

describe.each(ROWS)('$name', (row) => {
  let fake: FakeServer;
  const cells = new Map<Column, string>();
  matrix.set(row.name, cells);
  const cell = (column: Column, fn: () => Promise<string | void>) =>
    it(`${column}`, async () => {
      cells.set(column, '✗');
      cells.set(column, (await fn()) ?? '✓');
    });
  const behave = (b: FakeBehaviour) => fake.setBehaviour({ tokens: TOKENS, requiredKey: KEY, ...b });

  beforeAll(async () => {
    fake = await startFake(row.format, { tokens: TOKENS }, row.flavor ? { flavor: row.flavor } : {});
  });
  afterAll(async () => {
    await fake.close();
  });

  cell('text', async () => {
    behave({});
    const r = await run(row, fake);
    expect(r.error).toBeUndefined();
    expect(r.text).toBe(TOKENS.join(''));
    expect(r.finish).toBe('stop');
  });

  cell('usage', async () => {
    behave({ usage: { input: 123, output: 45 } });
    const r = await run(row, fake);
    expect(r.usage).toMatchObject({ inputTokens: 123, outputTokens: 45 });
    return `${r.usage?.inputTokens}/${r.usage?.outputTokens}`;
  });

  cell('reasoning', async () => {
    behave({ reasoning: ['Let me', ' think.'], usage: { input: 10, output: 5, reasoning: 2 } });
    const r = await run(row, fake);
    expect(r.reasoning).toBe('Let me think.');
    expect(r.text).toBe(TOKENS.join(''));
    expect(r.text).not.toContain('think');
    // Reasoning is part of the output count everywhere (Gemini's thoughts are added by the SDK).
    expect(r.usage?.outputTokens).toBe(7);
    if (row.reasoningUsage) expect(r.usage?.reasoningTokens).toBe(2);
    return row.reasoningUsage ? '✓ +tok' : '✓';
  });

  cell('401', async () => {
    behave({});
    const r = await run(row, fake, { apiKey: 'sk-wrong-key-0000000001' });
    expect(r.error?.kind).toBe('auth');
    expect(JSON.stringify(r.error)).not.toContain('sk-wrong-key-0000000001');
    return `auth${r.error?.status ? ` ${r.error.status}` : ''}`;
  });

  cell('404', async () => {
    behave({ status: 404 });
    const r = await run(row, fake);
    expect(r.error?.kind).toBe('model-not-found');
    expect(fake.requests.at(-1)?.path).not.toContain('models?');
  });

  cell('429', async () => {
    behave({ status: 429, retryAfter: { seconds: 30 } });
    const before = fake.requests.length;
    const started = Date.now();
    const r = await run(row, fake);
    expect(r.error?.kind).toBe('rate-limited');
    expect(r.error?.retryAt).toBeGreaterThanOrEqual(started + 29_000);
    expect(r.error?.retryAt).toBeLessThanOrEqual(Date.now() + 31_000);
    // 30 s is beyond what we wait for: reported, not retried.
    expect(fake.requests.length - before).toBe(1);
    return 'retryAt +30s';
  });

  cell('500', async () => {
    behave({ status: 500 });
    const before = fake.requests.length;
    const r = await run(row, fake);
    expect(r.error?.kind).toBe('server');
    expect(fake.requests.length - before).toBe(3);
    return 'server ×3';
  });

  cell('529/503', async () => {
    const status = row.kind === 'anthropic' ? 529 : 503;
    behave({ status });
    const before = fake.requests.length;
    const r = await run(row, fake);
    expect(r.error?.kind).toBe('overloaded');
    expect(fake.requests.length - before).toBe(3);
    return `${status} ×3`;
  });

  cell('cut', async () => {
    behave({ cutAfter: 2 });
    const before = fake.requests.length;
    const r = await run(row, fake);
    expect(r.text).toBe('Hello from');
    expect(r.error?.kind).toBe('network');
    // Tokens were shown: never retried.
    expect(fake.requests.length - before).toBe(1);
  });

  cell('err@200', async () => {
    behave({ errorAfter: 2 });
    const r = await run(row, fake);
    expect(r.text).toBe('Hello from');
    expect(['server', 'overloaded']).toContain(r.error?.kind);
    return r.error?.kind;
  });

  cell('malformed', async () => {
    behave({ malformedAfter: 2 });
    const r = await run(row, fake);
    if (row.kind === 'ollama') {
      // ollama-ai-provider-v2 skips a broken NDJSON line (and logs it) and reads on.
      expect(r.text).toBe(TOKENS.join(''));
      expect(r.finish).toBe('stop');
      return 'skipped';
    }
    expect(r.text).toBe('Hello from');
    expect(r.error?.kind).toBe('malformed-stream');
  });

  cell('stall', async () => {
    behave({ stallAfter: 2 });
    const started = Date.now();
    const r = await run(row, fake, { stallTimeoutMs: 250 });
    expect(r.text).toBe('Hello from');
    expect(r.error?.kind).toBe('stalled');
    expect(Date.now() - started).toBeLessThan(2000);
    await until(() => fake.closedEarly > 0);
  });

  cell('1st byte', async () => {
    behave({ firstByteDelayMs: 600 });
    const r = await run(row, fake, { firstByteTimeoutMs: 150 });
    expect(r.error?.kind).toBe('first-byte-timeout');
  });

  cell('abort', async () => {
    behave({ tokenDelayMs: 40, tokens: Array.from({ length: 40 }, (_, i) => `t${i} `) });
    const closedBefore = fake.closedEarly;
    const requestsBefore = fake.requests.length;
    const controller = new AbortController();
    const r = await run(row, fake, { signal: controller.signal, onPart: (p) => p.kind === 'text-delta' && controller.abort() });
    expect(r.finish).toBe('aborted');
    expect(r.error).toBeUndefined();
    expect(r.parts.at(-1)).toEqual({ kind: 'finish', reason: 'aborted' });
    await until(() => fake.closedEarly > closedBefore);
    expect(fake.closedEarly).toBe(closedBefore + 1);
    expect(fake.requests.length - requestsBefore).toBe(1);
    return `closedEarly +1`;
  });

  cell('unknown', async () => {
    behave({ unknownFields: true, keepAlive: true });
    const r = await run(row, fake);
    expect(r.text).toBe(TOKENS.join(''));
    expect(r.finish).toBe('stop');
  });

  cell('list', async () => {
    const ids = ['alpha-1', 'beta-2', 'gamma-3'];
    behave({ models: ids });
    const conn: Connection = { id: 'l', kind: row.kind, name: row.name, baseUrl: fake.baseUrl, local: true, extraModels: [], createdAt: 0 };
    const models = await listModels(conn, { fetch: globalThis.fetch, apiKey: KEY });
    expect(models.map((m) => m.id)).toEqual(ids);
    return `${models.length} models`;
  });
});

afterAll(() => {
  const header = ['provider', ...COLUMNS];
  const rows = [...matrix].map(([name, cells]) => [name, ...COLUMNS.map((c) => cells.get(c) ?? '–')]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]?.length ?? 0)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  console.log(['', line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n'));
});
