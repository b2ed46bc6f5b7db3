import { describe, expect, it } from 'vitest';
import { toEnclaveJson } from '../../shared/export/enclave-json';
import { parseImport } from '../../shared/import/parse-import';
import type { ConversationBundle, Message } from '../../shared/types';
import { SAMPLE_BUNDLES } from '../fixtures/export/sample-bundles';

const now = () => Date.UTC(2026, 11, 1);

function withFinish(finishes: Array<Message['finish']>): ConversationBundle {
  const [first] = SAMPLE_BUNDLES;
  let i = 0;
  const messages = first!.messages.map((m) => (m.role === 'assistant' && i < finishes.length ? { ...m, finish: finishes[i++] } : m));
  return { ...first!, messages };
}

describe('finish reasons in an Enclave export', () => {
  it('survive export and import, tool names included', () => {
    const bundle = withFinish([
      { reason: 'length', raw: 'max_tokens' },
      { reason: 'tool-calls', raw: 'tool_calls', toolCalls: ['get_weather'] },
    ]);
    const result = parseImport(toEnclaveJson([bundle], { now }));
    if (!result.ok) throw new Error(result.error);
    const finishes = result.bundles[0]!.messages.filter((m) => m.finish).map((m) => m.finish);
    expect(finishes).toEqual([
      { reason: 'length', raw: 'max_tokens' },
      { reason: 'tool-calls', raw: 'tool_calls', toolCalls: ['get_weather'] },
    ]);
  });

  it('a conversation with an unknown finish reason is skipped, with the place and the reason', () => {
    const data = JSON.parse(toEnclaveJson([withFinish([{ reason: 'stop' }])], { now })) as { conversations: Array<{ messages: Array<{ finish?: { reason: string } }> }> };
    const message = data.conversations[0]!.messages.find((m) => m.finish)!;
    message.finish!.reason = 'exploded';
    const result = parseImport(JSON.stringify(data));
    if (!result.ok) throw new Error(result.error);
    expect(result.bundles).toEqual([]);
    expect(result.skipped).toHaveLength(1);
    expect(result.skipped[0]).toMatchObject({ index: 0, reason: expect.stringMatching(/finish/) });
  });
});
