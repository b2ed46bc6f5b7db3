// ChatGPT exports as they really are: node ids repeated across conversations, tool calls
// addressed to browser / python / dalle.text2im, tool output, hidden context, thoughts and
// "Thought for N seconds" labels, null and out-of-range times, and one broken conversation.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TOOLS_ONLY_REPLY } from '../../shared/import/from-chatgpt';
import { parseImport } from '../../shared/import/parse-import';
import { MAX_TIME_MS } from '../../shared/import/times';
import type { ConversationBundle } from '../../shared/types';

const fixture = readFileSync(new URL('../fixtures/import/chatgpt-real-shapes.json', import.meta.url), 'utf8');

function imported() {
  const result = parseImport(fixture);
  if (!result.ok) throw new Error(result.error);
  const byTitle = new Map(result.bundles.map((b) => [b.conversation.title, b]));
  const get = (title: string) => byTitle.get(title) as ConversationBundle;
  return { result, get };
}

/** What a reader sees: role and text of each message, root to leaf. */
function shown(bundle: ConversationBundle): string[] {
  return bundle.messages.map((m) => `${m.role}: ${m.content}`);
}

describe('ChatGPT export in its real shapes', () => {
  it('imports conversations that share node ids, each with its own tree', () => {
    const { result, get } = imported();
    expect(result.bundles.map((b) => b.conversation.title)).toEqual(['Train times to Kyoto', 'A lighthouse picture', 'Prime check']);
    const kyoto = get('Train times to Kyoto');
    const lighthouse = get('A lighthouse picture');
    expect(kyoto.messages[0]?.id).toBe('aaa11111-0000-4000-8000-000000000003');
    expect(lighthouse.messages[0]?.id).toBe('aaa11111-0000-4000-8000-000000000003');
    expect(kyoto.messages.every((m) => m.conversationId === kyoto.conversation.id)).toBe(true);
  });

  it('skips only the broken conversation and says where it is broken', () => {
    const { result } = imported();
    expect(result.skipped).toEqual([
      { index: 3, title: 'Broken one', reason: 'conversations[3].mapping["ccc33333-0000-4000-8000-000000000001"].message.content.parts: expected array, received string' },
    ]);
  });

  it('never shows browsing calls, results or hidden context as replies', () => {
    const kyoto = imported().get('Train times to Kyoto');
    expect(shown(kyoto)).toEqual(['user: When is the last train from Osaka to Kyoto?', 'assistant: The last Special Rapid leaves Osaka at 23:59.']);
    const reply = kyoto.messages[1];
    expect(reply?.reasoning).toContain('**Tool call: browser**\n\n```\nsearch("last train Osaka to Kyoto JR")\n```');
    expect(reply?.reasoning).toContain('**Tool result: browser**\n\n# 【0†JR West timetable†example.org】');
    expect(reply?.reasoning).toContain('https://example.org/timetable');
    expect(JSON.stringify(kyoto)).not.toContain('I live in Osaka');
  });

  it('keeps a DALL-E turn as an [image] reply with its prompt collapsed, and code as steps', () => {
    const lighthouse = imported().get('A lighthouse picture');
    expect(shown(lighthouse)).toEqual(['user: Draw a lighthouse at dusk', 'assistant: [image]', 'user: What is 2**100?', 'assistant: 2**100 is 1267650600228229401496703205376.']);
    const [, picture, , answer] = lighthouse.messages;
    expect(picture?.reasoning).toContain('**Tool call: dalle.text2im**\n\n```json\n{"prompt": "A lighthouse at dusk, oil painting"');
    expect(picture?.reasoning).toContain('DALL·E displayed 1 images');
    expect(picture?.model?.modelId).toBe('gpt-4o');
    expect(answer?.reasoning).toBe('**Tool call: python**\n\n```python\nprint(2**100)\n```\n\n**Tool result: python**\n\n```\n1267650600228229401496703205376\n```');
    expect(lighthouse.messages.map((m) => m.parentId)).toEqual([null, ...lighthouse.messages.slice(0, -1).map((m) => m.id)]);
  });

  it('turns thoughts into reasoning and drops the "Thought for" label', () => {
    const prime = imported().get('Prime check');
    expect(shown(prime)).toEqual(['user: Is 221 prime?', 'assistant: No: 221 = 13 × 17.']);
    expect(prime.messages[1]?.reasoning).toBe('**Trying small factors**\n\n221 = 13 × 17.');
    expect(prime.messages[1]?.model?.modelId).toBe('o3');
  });

  it('replaces out-of-range and missing times with sensible ones, with a warning', () => {
    const { result, get } = imported();
    const prime = get('Prime check');
    expect(prime.conversation.updatedAt).toBe(1_733_200_006_000);
    const all = result.bundles.flatMap((b) => [b.conversation.createdAt, b.conversation.updatedAt, ...b.messages.flatMap((m) => [m.createdAt, m.updatedAt])]);
    expect(all.every((t) => Number.isInteger(t) && t >= 0 && t <= MAX_TIME_MS)).toBe(true);
    expect(result.warnings).toContain('ChatGPT conversation "Prime check": 2 timestamps out of range (not a date between 1970 and 9999) replaced by the nearest valid time.');
    // create_time null on the conversation: its first message's time stands in.
    expect(get('A lighthouse picture').conversation.createdAt).toBe(1_733_100_000_000);
  });

  it('gives a turn that only used tools a reply that says so, never an empty bubble', () => {
    const data = JSON.parse(fixture);
    const mapping = data[1].mapping;
    // The code-interpreter turn ends without a written answer.
    const last = 'aaa11111-0000-4000-8000-00000000000b';
    delete mapping[last];
    mapping['aaa11111-0000-4000-8000-00000000000a'].children = [];
    data[1].current_node = 'aaa11111-0000-4000-8000-00000000000a';
    const result = parseImport(JSON.stringify(data));
    if (!result.ok) throw new Error(result.error);
    const lighthouse = result.bundles[1] as ConversationBundle;
    const reply = lighthouse.messages.at(-1);
    expect(reply?.content).toBe(TOOLS_ONLY_REPLY);
    expect(reply?.reasoning).toContain('print(2**100)');
    expect(lighthouse.conversation.currentLeafId).toBe(reply?.id);
  });
});
