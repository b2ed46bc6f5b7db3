import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseImport } from '../../shared/import/parse-import';
import type { ConversationBundle } from '../../shared/types';

const fixture = readFileSync(new URL('../fixtures/import/claude-conversations.json', import.meta.url), 'utf8');

function outline(bundle: ConversationBundle): string[] {
  return bundle.messages.map((m) => `${m.id} <- ${m.parentId ?? 'root'} ${m.role}: ${m.content}`);
}

function imported(text = fixture): ConversationBundle[] {
  const result = parseImport(text);
  if (!result.ok) throw new Error(result.error);
  expect(result.source).toBe('claude');
  return result.bundles;
}

describe('Claude conversations.json import', () => {
  it('links messages in order when the export has no parent ids', () => {
    const [dates] = imported() as [ConversationBundle];
    expect(outline(dates)).toEqual([
      'c1-m1 <- root user: Write a regex that matches ISO dates.\n\n[file: screenshot.png]',
      'c1-m2 <- c1-m1 assistant: Use `^\\d{4}-\\d{2}-\\d{2}$` and anchor it.',
      'c1-m3 <- c1-m2 user: Thanks!',
    ]);
    expect(dates.conversation).toEqual({
      id: '5b1f0c2e-1111-4a4a-9b9b-000000000001',
      title: 'Regex for dates',
      createdAt: Date.parse('2024-03-09T10:00:00Z'),
      updatedAt: Date.parse('2024-03-09T10:05:12.345Z'),
      pinned: false,
      localOnly: false,
      currentLeafId: 'c1-m3',
    });
  });

  it('prefers content[] text blocks over the legacy text field', () => {
    const [dates] = imported() as [ConversationBundle];
    expect(dates.messages[1]?.content).toBe('Use `^\\d{4}-\\d{2}-\\d{2}$` and anchor it.');
  });

  it('brings attachments with extracted text along as text files', () => {
    const [dates] = imported() as [ConversationBundle];
    expect(dates.messages[0]?.attachments).toEqual([{ id: 'c1-m1:1', name: 'examples.txt', mimeType: 'text/plain', size: 24, data: '2024-03-09\n1999-12-31\n', kind: 'text' }]);
  });

  it('builds branches from parent_message_uuid and shows the newest one', () => {
    const [, fruit] = imported() as [ConversationBundle, ConversationBundle];
    expect(outline(fruit)).toEqual([
      'c2-m1 <- root user: Name a <i>blue</i> fruit.',
      'c2-m2 <- c2-m1 assistant: Blueberries.',
      'c2-m3 <- root user: Name a red fruit.',
      'c2-m4 <- c2-m3 assistant: Let me check.\n\nStrawberries.',
    ]);
    expect(fruit.messages[1]?.reasoning).toBe('Blueberries are the obvious answer.');
    expect(fruit.conversation.currentLeafId).toBe('c2-m4');
    // An empty name falls back to the first user message, kept as plain text.
    expect(fruit.conversation.title).toBe('Name a <i>blue</i> fruit.');
  });

  it('skips a conversation whose date is not a date, saying where', () => {
    const data = JSON.parse(fixture);
    data[1].chat_messages[2].created_at = 'yesterday';
    const result = parseImport(JSON.stringify(data));
    if (!result.ok) throw new Error(result.error);
    expect(result.skipped).toEqual([{ index: 1, title: data[1].uuid, reason: 'conversations[1].chat_messages[2].created_at: expected an ISO 8601 date' }]);
    expect(result.bundles.map((b) => b.conversation.id)).not.toContain(data[1].uuid);
  });

  it('skips a conversation with an unknown sender and imports the others', () => {
    const data = JSON.parse(fixture);
    data[0].chat_messages[0].sender = 'robot';
    const result = parseImport(JSON.stringify(data));
    if (!result.ok) throw new Error(result.error);
    expect(result.skipped[0]?.reason).toMatch(/^conversations\[0\]\.chat_messages\[0\]\.sender: /);
    expect(result.bundles).toHaveLength(data.length - 1);
  });
});
