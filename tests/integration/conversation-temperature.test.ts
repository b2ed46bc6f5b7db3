// A conversation's own temperature reaches each provider in that provider's wire field, on every
// kind of turn (send, retry, compare), and leaves the request once the user clears it.
import { afterEach, describe, expect, test } from 'vitest';
import { startFake, type FakeFlavor, type FakeFormat, type FakeServer } from '../fakes/index';
import { startCore, type CoreFixture } from '../support/core-fixture';
import type { ProviderKind } from '../../shared/types';

let fixture: CoreFixture | undefined;
const fakes: FakeServer[] = [];
afterEach(async () => {
  await fixture?.close();
  await Promise.all(fakes.splice(0).map((f) => f.close()));
  fixture = undefined;
});

type Body = Record<string, unknown>;
interface Row {
  kind: ProviderKind;
  format: FakeFormat;
  flavor?: FakeFlavor;
  modelId: string;
  /** Reads the temperature from the provider's own request body. */
  read(body: Body): unknown;
}

const topLevel = (b: Body) => b['temperature'];
const ROWS: Row[] = [
  { kind: 'openai', format: 'openai-responses', modelId: 'gpt-4.1-mini', read: topLevel },
  { kind: 'groq', format: 'openai-chat', flavor: 'groq', modelId: 'llama-3.3-70b-versatile', read: topLevel },
  { kind: 'xai', format: 'openai-responses', modelId: 'grok-4', read: topLevel },
  { kind: 'anthropic', format: 'anthropic', modelId: 'claude-sonnet-4-5', read: topLevel },
  { kind: 'google', format: 'gemini', modelId: 'gemini-2.5-flash', read: (b) => (b['generationConfig'] as Body | undefined)?.['temperature'] },
  { kind: 'ollama', format: 'ollama', modelId: 'qwen3:8b', read: (b) => (b['options'] as Body | undefined)?.['temperature'] },
];

/** Bodies of generation requests (model listings and tests are GETs or carry no prompt). */
function turnBodies(fake: FakeServer): Body[] {
  return fake.requests
    .filter((r) => r.method === 'POST' && r.body && typeof r.body === 'object')
    .map((r) => r.body as Body)
    .filter((b) => 'messages' in b || 'input' in b || 'contents' in b);
}

async function setUp(row: Row, temperature: number | null) {
  const fake = await startFake(row.format, { tokens: ['Fine', '.'] }, row.flavor ? { flavor: row.flavor } : {});
  fakes.push(fake);
  fixture ??= await startCore();
  const baseUrl = row.kind === 'ollama' ? fake.origin : fake.baseUrl;
  const conn = await fixture.call('addConnection', { kind: row.kind, name: `${row.kind} fake`, baseUrl, apiKey: 'sk-test-temperature-0001' });
  const conv = await fixture.call('createConversation', {});
  await fixture.call('updateConversation', { id: conv.id, temperature });
  return { fake, conn, conv, model: { connectionId: conn.id, modelId: row.modelId } };
}

describe('a conversation’s temperature on the wire', () => {
  test.each(ROWS)('$kind receives it in its own field with every turn', async (row) => {
    const { fake, conv, model } = await setUp(row, 0.3);
    const sent = await fixture!.call('sendMessage', { conversationId: conv.id, parentId: null, content: 'Hi', model });
    expect(await fixture!.streamEnd(sent.streamId)).toMatchObject({ kind: 'finish' });
    const retry = await fixture!.call('regenerate', { messageId: sent.assistantMessageId });
    await fixture!.streamEnd(retry.streamId);
    const bodies = turnBodies(fake);
    expect(bodies).toHaveLength(2);
    for (const body of bodies) expect(row.read(body)).toBe(0.3);
  });

  test('is stored with the conversation and read back after it is reopened', async () => {
    const { conv } = await setUp(ROWS[0]!, 1.2);
    const { conversation } = await fixture!.call('getConversation', { id: conv.id });
    expect(conversation.temperature).toBe(1.2);
    expect((await fixture!.call('listConversations', {})).find((c) => c.id === conv.id)?.temperature).toBe(1.2);
  });

  test('cleared, the request carries no temperature and the provider uses its default', async () => {
    const row = ROWS.find((r) => r.kind === 'ollama')!;
    const { fake, conv, model } = await setUp(row, 0.7);
    await fixture!.call('updateConversation', { id: conv.id, temperature: null });
    const sent = await fixture!.call('sendMessage', { conversationId: conv.id, parentId: null, content: 'Hi', model });
    await fixture!.streamEnd(sent.streamId);
    const [body] = turnBodies(fake);
    expect(row.read(body!)).toBeUndefined();
    expect((await fixture!.call('getConversation', { id: conv.id })).conversation.temperature).toBeUndefined();
  });

  test('compare sends the conversation’s temperature to every pane', async () => {
    const ollama = await setUp(
      ROWS.find((r) => r.kind === 'ollama')!,
      0.5,
    );
    const anthropic = await setUp(
      ROWS.find((r) => r.kind === 'anthropic')!,
      0.5,
    );
    const result = await fixture!.call('sendCompare', {
      conversationId: ollama.conv.id,
      parentId: null,
      content: 'Hi',
      models: [ollama.model, anthropic.model],
    });
    await Promise.all(result.panes.map((p) => fixture!.streamEnd(p.streamId)));
    expect(turnBodies(ollama.fake).map((b) => (b['options'] as Body)['temperature'])).toEqual([0.5]);
    expect(turnBodies(anthropic.fake).map((b) => b['temperature'])).toEqual([0.5]);
  });

  test('an OpenAI reasoning model, which rejects temperature, gets none and still answers', async () => {
    const { fake, conv, model } = await setUp({ ...ROWS[0]!, modelId: 'o3-mini' }, 0.3);
    const sent = await fixture!.call('sendMessage', { conversationId: conv.id, parentId: null, content: 'Hi', model });
    expect(await fixture!.streamEnd(sent.streamId)).toMatchObject({ kind: 'finish' });
    const [body] = turnBodies(fake);
    expect(body).toBeDefined();
    expect('temperature' in body!).toBe(false);
  });

  test('an Anthropic model that rejects sampling settings (Opus 4.7) gets none and still answers', async () => {
    const { fake, conv, model } = await setUp({ ...ROWS.find((r) => r.kind === 'anthropic')!, modelId: 'claude-opus-4-7' }, 0.3);
    const sent = await fixture!.call('sendMessage', { conversationId: conv.id, parentId: null, content: 'Hi', model });
    expect(await fixture!.streamEnd(sent.streamId)).toMatchObject({ kind: 'finish' });
    const [body] = turnBodies(fake);
    expect(body).toBeDefined();
    expect('temperature' in body!).toBe(false);
  });

  test('Anthropic’s range ends at 1: a higher temperature is sent as 1, not refused', async () => {
    const { fake, conv, model } = await setUp(
      ROWS.find((r) => r.kind === 'anthropic')!,
      1.6,
    );
    const sent = await fixture!.call('sendMessage', { conversationId: conv.id, parentId: null, content: 'Hi', model });
    expect(await fixture!.streamEnd(sent.streamId)).toMatchObject({ kind: 'finish' });
    expect(turnBodies(fake)[0]!['temperature']).toBe(1);
  });

  test('a temperature outside 0–2 is refused by the contract', async () => {
    const { dispatch } = await import('../../electron/core/ipc/dispatch');
    const { conv } = await setUp(ROWS[0]!, null);
    const result = await dispatch(fixture!.core.handlers, 'updateConversation', { id: conv.id, temperature: 2.5 }, () => undefined, fixture!.core.guard);
    expect(result).toMatchObject({ ok: false, error: { kind: 'invalid-request' } });
    expect((await fixture!.call('getConversation', { id: conv.id })).conversation.temperature).toBeUndefined();
  });
});
