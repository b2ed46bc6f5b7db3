import { describe, expect, test } from 'vitest';
import { promptToHistory } from '../../electron/core/builtin/builtin-language-model';

describe('the built-in engine reads a conversation', () => {
  test('keeps the system prompt, both sides of the talk, and names an image it cannot see', () => {
    const history = promptToHistory([
      { role: 'system', content: 'Be brief.' },
      {
        role: 'user',
        content: [
          { type: 'text', text: 'What is this?' },
          { type: 'file', mediaType: 'image/png', data: 'aGk=', filename: 'cat.png' },
        ],
      },
      {
        role: 'assistant',
        content: [
          { type: 'reasoning', text: 'hidden' },
          { type: 'text', text: 'A cat.' },
        ],
      },
      { role: 'user', content: [{ type: 'text', text: 'Thanks' }] },
    ] as Parameters<typeof promptToHistory>[0]);
    expect(history).toEqual([
      { type: 'system', text: 'Be brief.' },
      { type: 'user', text: 'What is this?\n[attached file cat.png omitted: the built-in engine reads text only]' },
      { type: 'model', text: 'A cat.' },
      { type: 'user', text: 'Thanks' },
    ]);
  });
});
