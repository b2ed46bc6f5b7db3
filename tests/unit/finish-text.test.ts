import { describe, expect, it } from 'vitest';
import { finishText } from '../../renderer/features/chat/finish-text';

describe('finishText', () => {
  it('says nothing for a normal end or a user stop', () => {
    expect(finishText({ reason: 'stop' })).toBeUndefined();
    expect(finishText({ reason: 'aborted' })).toBeUndefined();
    expect(finishText(undefined)).toBeUndefined();
  });

  it('offers Continue only for a token-limit cut', () => {
    expect(finishText({ reason: 'length', raw: 'max_tokens' })).toEqual({ line: 'Stopped at the token limit', canContinue: true, tone: 'warn' });
    for (const reason of ['content-filter', 'refusal', 'tool-calls', 'other', 'error'] as const) {
      expect(finishText({ reason })?.canContinue).toBe(false);
    }
  });

  it('tells a filter from a refusal', () => {
    expect(finishText({ reason: 'content-filter', raw: 'SAFETY' })?.line).toMatch(/content filter/);
    expect(finishText({ reason: 'refusal' })?.line).toMatch(/declined/);
  });

  it('names the tools the model asked for', () => {
    expect(finishText({ reason: 'tool-calls', toolCalls: ['get_weather', 'search'] })?.line).toBe(
      'The model asked to call a tool (get_weather, search), which Enclave does not run',
    );
  });

  it("shows the provider's own word for an unexplained end", () => {
    expect(finishText({ reason: 'other', raw: 'pause_turn' })?.line).toContain('(pause_turn)');
  });
});
