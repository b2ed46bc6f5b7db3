// Each saved reply shows its tokens, speed and time, from the engine's own measurements.
import { describe, expect, test } from 'vitest';
import type { Message } from '../../shared/types';
import { replyStats } from '../../renderer/features/chat/reply-stats';

const reply = (over: Partial<Message>): Message => ({
  id: 'a',
  conversationId: 'c',
  parentId: 'u',
  role: 'assistant',
  content: 'x'.repeat(400),
  status: 'complete',
  createdAt: 0,
  updatedAt: 0,
  ...over,
});

describe('per-reply numbers', () => {
  test('tokens from the provider, speed from the first token to the end, total time', () => {
    expect(replyStats(reply({ usage: { outputTokens: 120 }, timing: { firstTokenMs: 500, totalMs: 3500 } }))).toBe('120 tokens · 40.0 tok/s · 3.5 s');
  });
  test('estimated tokens are marked when the provider sent no usage', () => {
    expect(replyStats(reply({ timing: { firstTokenMs: 100, totalMs: 1100 } }))).toBe('~100 tokens · 100 tok/s · 1.1 s');
  });
  test('nothing for a reply still streaming, a user message, or one with no text', () => {
    expect(replyStats(reply({ status: 'streaming', timing: { firstTokenMs: 1, totalMs: 2 } }))).toBeUndefined();
    expect(replyStats(reply({ role: 'user', timing: { firstTokenMs: 1, totalMs: 2 } }))).toBeUndefined();
    expect(replyStats(reply({ status: 'error', content: '', timing: { totalMs: 20 } }))).toBeUndefined();
  });
});
