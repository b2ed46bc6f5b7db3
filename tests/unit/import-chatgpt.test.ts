import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseImport } from '../../shared/import/parse-import';
import type { ConversationBundle } from '../../shared/types';

const fixture = readFileSync(new URL('../fixtures/import/chatgpt-conversations.json', import.meta.url), 'utf8');

/** The tree in a form a reader can check: id ← parent, role, first line of text. */
function outline(bundle: ConversationBundle): string[] {
  return bundle.messages.map((m) => `${m.id} <- ${m.parentId ?? 'root'} ${m.role}: ${m.content.split('\n')[0]}`);
}

/** The parsed file: untyped on purpose, the tests break it freely. */
type Json = ReturnType<typeof JSON.parse>;

function mutated(edit: (conversations: Json) => void): string {
  const data = JSON.parse(fixture);
  edit(data);
  return JSON.stringify(data);
}

describe('ChatGPT conversations.json import', () => {
  it('rebuilds each tree, skipping the null root and hidden system node, folding tool nodes into the reply', () => {
    const result = parseImport(fixture);
    if (!result.ok) throw new Error(result.error);
    expect(result.source).toBe('chatgpt');
    const [iceland, sorting] = result.bundles as [ConversationBundle, ConversationBundle];
    expect(outline(iceland)).toEqual([
      'u-1 <- root user: What should I pack for Iceland in March?',
      'a-1 <- u-1 assistant: Layers! A **waterproof shell**, a warm fleece, wool base layers and sturdy boots.',
      'u-2a <- a-1 user: And for a day hike?',
      'a-2a <- u-2a assistant: Add microspikes, a headlamp and a thermos.',
      'u-2b <- a-1 user: [image]',
      'a-2b <- u-2b assistant: Not on its own: wear it over a fleece, and bring a windproof shell.',
    ]);
    expect(iceland.conversation).toEqual({
      id: '67e1a2b3-0000-8000-a000-000000000001',
      title: 'Packing for Iceland',
      createdAt: 1_710_000_000_000,
      updatedAt: 1_710_000_095_250,
      pinned: false,
      localOnly: false,
      currentLeafId: 'a-2b',
    });
    expect(outline(sorting)).toEqual(['q-1 <- root user: Sort [3, 1, 2] in Python <script>alert(1)</script>', 'ans-1 <- q-1 assistant: `sorted([3, 1, 2])` returns `[1, 2, 3]`.']);
    // The code the model ran and its output are steps of the reply, never answer text.
    expect(sorting.messages[1]?.reasoning).toBe('**Tool call: python**\n\n```python\nsorted([3, 1, 2])\n```\n\n**Tool result**\n\n```\n[1, 2, 3]\n```');
    expect(sorting.conversation.id).toBe('67e1a2b3-0000-8000-a000-000000000002');
    expect(iceland.messages[4]?.content).toBe('[image]\n\nIs this jacket warm enough?');
  });

  it('keeps model slugs, times in ms, and the thoughts as reasoning of the reply', () => {
    const result = parseImport(fixture);
    if (!result.ok) throw new Error(result.error);
    const byId = new Map(result.bundles.flatMap((b) => b.messages).map((m) => [m.id, m]));
    expect(byId.get('a-1')?.model).toEqual({ connectionId: 'import:chatgpt', connectionName: 'ChatGPT', kind: 'openai', modelId: 'gpt-4o' });
    expect(byId.get('a-2b')?.model?.modelId).toBe('o3');
    expect(byId.get('a-2b')?.reasoning).toBe('**Judging the jacket**\n\nThe photo shows a light softshell. In March, Reykjavik averages around 1°C with wind chill.');
    expect(byId.get('a-1')?.createdAt).toBe(1_710_000_015_500);
    expect(byId.get('u-1')?.model).toBeUndefined();
  });

  it('keeps markup in titles and text as plain text', () => {
    const result = parseImport(fixture);
    if (!result.ok) throw new Error(result.error);
    expect(result.bundles[1]?.conversation.title).toBe('Sorting <b>lists</b>');
    expect(result.bundles[1]?.messages[0]?.content).toBe('Sort [3, 1, 2] in Python <script>alert(1)</script>');
  });

  it('warns about the image placeholder and the tool steps', () => {
    const result = parseImport(fixture);
    if (!result.ok) throw new Error(result.error);
    expect(result.warnings).toEqual([
      'ChatGPT conversation "Packing for Iceland": 1 image replaced by "[image]" (images are not inside conversations.json).',
      'ChatGPT conversation "Sorting <b>lists</b>": 2 tool steps (code, browsing, image requests) kept under the reasoning of the reply.',
    ]);
  });

  it('skips a conversation with a wrong type, says exactly where, and imports the rest', () => {
    const text = mutated((c) => {
      c[1].mapping['q-1'].message.content.parts = 'oops';
    });
    const result = parseImport(text);
    if (!result.ok) throw new Error(result.error);
    expect(result.bundles.map((b) => b.conversation.title)).toEqual(['Packing for Iceland']);
    expect(result.skipped).toEqual([{ index: 1, title: 'Sorting <b>lists</b>', reason: 'conversations[1].mapping["q-1"].message.content.parts: expected array, received string' }]);
  });

  it('skips a conversation without an id and says so', () => {
    const text = mutated((c) => {
      delete c[0].id;
      delete c[0].conversation_id;
    });
    const result = parseImport(text);
    if (!result.ok) throw new Error(result.error);
    expect(result.skipped).toEqual([{ index: 0, title: 'Packing for Iceland', reason: 'conversations[0]: needs an "id" or "conversation_id"' }]);
    expect(result.bundles).toHaveLength(1);
  });

  it('shows the nearest kept message when current_node is a hidden node', () => {
    const text = mutated((c) => {
      const mapping = c[0].mapping;
      mapping['a-2a'].children = ['hidden-1'];
      mapping['hidden-1'] = {
        id: 'hidden-1',
        parent: 'a-2a',
        children: [],
        message: { id: 'hidden-1', author: { role: 'system' }, content: { content_type: 'text', parts: [''] } },
      };
      c[0].current_node = 'hidden-1';
    });
    const result = parseImport(text);
    if (!result.ok) throw new Error(result.error);
    expect(result.bundles[0]?.conversation.currentLeafId).toBe('a-2a');
  });

  it('skips nodes caught in a parent loop and says so', () => {
    const text = mutated((c) => {
      const mapping = c[1].mapping;
      mapping['loop-a'] = { id: 'loop-a', parent: 'loop-b', children: ['loop-b'], message: null };
      mapping['loop-b'] = { id: 'loop-b', parent: 'loop-a', children: ['loop-a'], message: null };
    });
    const result = parseImport(text);
    if (!result.ok) throw new Error(result.error);
    expect(result.bundles[1]?.messages).toHaveLength(2);
    expect(result.warnings).toContain('ChatGPT conversation "Sorting <b>lists</b>": skipped 2 messages not connected to the conversation (a parent loop).');
  });
});
