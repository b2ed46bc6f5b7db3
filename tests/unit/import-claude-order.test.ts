// Older Claude exports carry no parent links and do not list messages in order: `index`
// (or, without it, created_at) is the order, never the position in the array.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseImport } from '../../shared/import/parse-import';
import type { ConversationBundle } from '../../shared/types';

const fixture = readFileSync(new URL('../fixtures/import/claude-index-order.json', import.meta.url), 'utf8');

function bundles(text = fixture): ConversationBundle[] {
  const result = parseImport(text);
  if (!result.ok) throw new Error(result.error);
  return result.bundles;
}

describe('Claude export order', () => {
  it('orders by index, so every question comes before its answer', () => {
    const [starter] = bundles();
    expect(starter?.messages.map((m) => `${m.role}: ${m.content.split('\n')[0]}`)).toEqual([
      'user: How often should I feed my starter?',
      'assistant: Feed it equal weights of flour and water every 12 hours.',
      'user: How do I know it is ready?',
      'assistant: When it doubles within 6 hours and smells pleasantly sour.',
    ]);
    const ids = starter?.messages.map((m) => m.id) ?? [];
    expect(starter?.messages.map((m) => m.parentId)).toEqual([null, ...ids.slice(0, -1)]);
    expect(starter?.conversation.currentLeafId).toBe('9d3c1a20-0000-4000-8000-000000000004');
  });

  it('orders by created_at when there is no index', () => {
    const [, second] = bundles();
    expect(second?.messages.map((m) => m.role)).toEqual(['user', 'assistant']);
    expect(second?.messages[1]?.parentId).toBe(second?.messages[0]?.id);
  });

  it('keeps thinking as reasoning, text attachments as files, and names files it cannot bring', () => {
    const [starter] = bundles();
    const question = starter?.messages[2];
    expect(question?.attachments?.[0]).toMatchObject({ name: 'notes.txt', data: 'Day 3: bubbly', kind: 'text' });
    expect(question?.content).toBe('How do I know it is ready?\n\n[file: jar.jpg]');
    expect(starter?.messages[3]?.reasoning).toBe('Smell and rise both matter.');
  });

  it('does not depend on the array order at all', () => {
    const data = JSON.parse(fixture);
    data[0].chat_messages.reverse();
    expect(bundles(JSON.stringify(data))).toEqual(bundles());
  });
});
