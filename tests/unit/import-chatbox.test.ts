// Chatbox backups (Settings → Backup) in their real key layout: a session list, one
// "session:<id>" key per conversation, earlier threads, contentParts, legacy `content`,
// and settings that hold API keys (never imported).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TOOLS_ONLY_REPLY } from '../../shared/import/from-chatgpt';
import { parseImport } from '../../shared/import/parse-import';
import type { ConversationBundle } from '../../shared/types';

const fixture = readFileSync(new URL('../fixtures/import/chatbox-backup.json', import.meta.url), 'utf8');

function imported(text = fixture) {
  const result = parseImport(text);
  if (!result.ok) throw new Error(result.error);
  return result;
}

function byTitle(bundles: ConversationBundle[], title: string): ConversationBundle {
  const found = bundles.find((b) => b.conversation.title === title);
  if (!found) throw new Error(`no conversation "${title}" in ${bundles.map((b) => b.conversation.title).join(', ')}`);
  return found;
}

describe('Chatbox backup import', () => {
  it('imports each session, its earlier thread as its own conversation, and the old-style session', () => {
    const result = imported();
    expect(result.source).toBe('chatbox');
    expect(result.bundles.map((b) => b.conversation.title)).toEqual(['Trip budget — Earlier plan', 'Trip budget', 'Old style']);
    expect(byTitle(result.bundles, 'Old style').messages.map((m) => `${m.role}: ${m.content}`)).toEqual(['user: Hi from 2023', 'assistant: Hello!']);
    expect(byTitle(result.bundles, 'Trip budget — Earlier plan').messages).toHaveLength(2);
  });

  it('lists a session that is in the list but not in the file as skipped', () => {
    expect(imported().skipped).toEqual([{ index: 1, title: 'Lost session', reason: 'listed in the backup, but its messages are not in the file.' }]);
  });

  it('makes the system message the system prompt, reasoning and tool calls collapsed, images placeholders', () => {
    const trip = byTitle(imported().bundles, 'Trip budget');
    expect(trip.conversation.systemPrompt).toBe('You are a careful travel planner.');
    expect(trip.conversation.pinned).toBe(true); // starred in Chatbox
    expect(trip.messages.map((m) => `${m.role}: ${m.content}`)).toEqual([
      'user: Budget for 3 days in Lisbon?\n\n[file: flights.pdf]',
      'assistant: About 450 EUR without flights.',
      'user: [image]\n\nAnd this hotel?',
      'assistant: ',
    ]);
    const answer = trip.messages[1];
    expect(answer?.reasoning).toContain('**Tool call: web_search**');
    expect(answer?.reasoning).toContain('"query": "Lisbon hotel prices"');
    expect(answer?.reasoning).toContain('Hotels ~90/night, food ~40/day.');
    expect(answer?.model).toEqual({ connectionId: 'import:chatbox', connectionName: 'Chatbox', modelId: 'gpt-4o-mini' });
    expect(answer?.createdAt).toBe(1_730_000_005_000);
  });

  it('keeps a failed reply as an error with the provider words', () => {
    const failed = byTitle(imported().bundles, 'Trip budget').messages[3];
    expect(failed?.status).toBe('error');
    expect(failed?.error).toEqual({ kind: 'unknown', message: '429 Too Many Requests' });
  });

  it('never brings the settings (API keys) along, and warns about what it cannot bring', () => {
    const result = imported();
    expect(JSON.stringify(result)).not.toContain('sk-fake-key');
    expect(result.warnings).toEqual([
      'Chatbox conversation "Trip budget": 1 set of alternative replies not imported (only the chosen reply is).',
      'Chatbox conversation "Trip budget": 1 image replaced by "[image]" (images are not inside the backup).',
      'Chatbox conversation "Trip budget": 1 attached file named as "[file: name]" (file contents are not inside the backup).',
    ]);
  });

  it('reads the single-conversation export and the oldest "chat-sessions" backups', () => {
    const data = JSON.parse(fixture);
    const session = data['session:5f1e2d3c-0003-4000-8000-000000000003'];
    const single = imported(JSON.stringify({ __version: 1, __exported_at: '2024-10-27T08:00:00.000Z', __source: 'chatbox', session }));
    expect(single.bundles.map((b) => b.conversation.title)).toEqual(['Old style']);
    const legacy = imported(JSON.stringify({ 'chat-sessions': [session], settings: {} }));
    expect(legacy.bundles.map((b) => b.messages.length)).toEqual([2]);
  });

  it('gives tool calls with no written answer a reply that says so', () => {
    const data = JSON.parse(fixture);
    data['session:5f1e2d3c-0001-4000-8000-000000000001'].messages[2].contentParts = [
      { type: 'tool-call', state: 'call', toolCallId: 'c2', toolName: 'web_search', args: { query: 'x' } },
    ];
    const trip = byTitle(imported(JSON.stringify(data)).bundles, 'Trip budget');
    expect(trip.messages[1]?.content).toBe(TOOLS_ONLY_REPLY);
    expect(trip.messages[1]?.reasoning).toContain('web_search');
  });
});
