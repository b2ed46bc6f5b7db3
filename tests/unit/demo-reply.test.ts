// Demo mode's simulated replies: they follow the prompt, always end (no table cut in half), and
// say they are simulated.
import { describe, expect, test } from 'vitest';
import { DEMO_NOTICE, demoReply, lastUserText } from '../../harness/demo-reply';
import type { RecordedRequest } from '../../tests/fakes/types';

const request = (body: unknown): RecordedRequest => ({
  method: 'POST',
  path: '/api/chat',
  query: {},
  headers: {},
  body,
  rawBody: JSON.stringify(body),
  receivedAt: 0,
  hasImage: false,
});
const ask = (prompt: string) => demoReply(request({ model: 'llama3.2:3b', messages: [{ role: 'user', content: prompt }] }), 'llama3.2:3b').join('');

describe('demo replies', () => {
  test('differ with the prompt and quote it', () => {
    const prompts = ['Compare SQLite vs Postgres', 'Write a Python function to parse CSV', 'How do I plan a trip?', 'Tell me about owls'];
    const replies = prompts.map(ask);
    expect(new Set(replies).size).toBe(prompts.length);
    expect(replies[0]).toContain('“Compare SQLite vs Postgres”');
    expect(replies[1]).toContain('```ts');
    expect(replies[3]).toContain('owls');
  });

  test('start by saying they are simulated', () => {
    for (const p of ['hi', 'Compare tea and coffee', '']) expect(ask(p).startsWith(DEMO_NOTICE)).toBe(true);
  });

  test("a table is always whole: every row has the header's cells, and the reply ends after it", () => {
    const reply = ask('What are the differences between tabs | spaces?');
    const rows = reply.split('\n').filter((l) => l.startsWith('|'));
    expect(rows.length).toBeGreaterThanOrEqual(3);
    for (const row of rows) expect(row.split('|').length).toBe(rows[0]!.split('|').length);
    expect(reply.trimEnd().endsWith('invented by the demo.')).toBe(true);
  });

  test('code fences are closed and Markdown in the prompt cannot break out of the quote', () => {
    const reply = ask('Write code for `*evil*` ``` | table');
    expect(reply.match(/```/g)?.length).toBe(2);
    expect(reply).not.toContain('`*evil*`');
  });

  test('reads the last user message in Ollama, OpenAI string and OpenAI parts bodies', () => {
    expect(
      lastUserText({
        messages: [
          { role: 'user', content: 'first' },
          { role: 'assistant', content: 'x' },
          { role: 'user', content: 'second' },
        ],
      }),
    ).toBe('second');
    expect(
      lastUserText({
        messages: [
          {
            role: 'user',
            content: [
              { type: 'text', text: 'parts' },
              { type: 'image_url', image_url: { url: 'data:' } },
            ],
          },
        ],
      }),
    ).toBe('parts ');
    expect(lastUserText({ prompt: 'no messages' })).toBe('');
    expect(lastUserText(null)).toBe('');
  });
});
