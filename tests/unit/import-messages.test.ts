// Generic OpenAI-style transcripts ({ messages: [...] }, alone or in a list), as OpenRouter
// logs, scripts and small clients save them.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseImport } from '../../shared/import/parse-import';

const fixture = readFileSync(new URL('../fixtures/import/messages-transcripts.json', import.meta.url), 'utf8');

function imported(text = fixture) {
  const result = parseImport(text);
  if (!result.ok) throw new Error(result.error);
  return result;
}

describe('generic messages[] import', () => {
  it('imports each transcript with its system prompt, reasoning and model', () => {
    const result = imported();
    expect(result.source).toBe('messages');
    const [haiku] = result.bundles;
    expect(haiku?.conversation).toMatchObject({ id: 'chat-gen-7f3a', title: 'Haiku about rain', systemPrompt: 'You write haiku.', createdAt: 1_731_000_000_000 });
    expect(haiku?.messages.map((m) => m.role)).toEqual(['user', 'assistant']);
    expect(haiku?.messages[0]?.content).toBe('A haiku about rain, please.\n\n[image]');
    expect(haiku?.messages[1]?.reasoning).toBe('Five, seven, five.');
    expect(haiku?.messages[1]?.model?.modelId).toBe('openrouter/anthropic/claude-3.5-sonnet');
  });

  it('folds tool calls and tool results into the reasoning of the answer', () => {
    const weather = imported().bundles[1];
    expect(weather?.messages.map((m) => `${m.role}: ${m.content}`)).toEqual(['user: Weather in Oslo?', 'assistant: 4 °C and overcast in Oslo.']);
    expect(weather?.messages[1]?.reasoning).toBe('**Tool call: get_weather**\n\n```json\n{"city":"Oslo"}\n```\n\n**Tool result: get_weather**\n\n{"temp_c": 4, "sky": "overcast"}');
    expect(weather?.messages[0]?.createdAt).toBe(Date.parse('2024-11-01T12:00:00Z'));
  });

  it('skips a transcript whose messages are not a list, keeping the others', () => {
    expect(imported().skipped).toEqual([{ index: 2, title: 'Broken', reason: expect.stringMatching(/^conversations\[2\]\.messages: /) }]);
  });

  it('reads a single transcript object', () => {
    const one = imported(
      JSON.stringify({
        model: 'gpt-4o',
        messages: [
          { role: 'user', content: 'hi' },
          { role: 'assistant', content: 'hello' },
        ],
      }),
    );
    expect(one.bundles).toHaveLength(1);
    expect(one.bundles[0]?.conversation.title).toBe('hi');
  });
});
