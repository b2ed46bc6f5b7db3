import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAppendBuffer, type PendingText } from '../../electron/core/store/append-buffer';

describe('streamed text buffer', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const setup = () => {
    const writes: Array<Map<string, PendingText>> = [];
    const buffer = createAppendBuffer({ write: (b) => writes.push(new Map(b)), intervalMs: 200, now: () => Date.now() });
    return { writes, buffer };
  };

  it('writes a steady stream at most once per interval, in order', () => {
    const { writes, buffer } = setup();
    for (let i = 0; i < 100; i++) {
      buffer.append('m', { text: String(i % 10) });
      vi.advanceTimersByTime(10);
    }
    // 1 s of tokens: the first write is immediate, then one per 200 ms.
    expect(writes.length).toBeGreaterThanOrEqual(5);
    expect(writes.length).toBeLessThanOrEqual(6);
    buffer.flushAll();
    const text = writes.map((w) => w.get('m')?.text ?? '').join('');
    expect(text).toBe(Array.from({ length: 100 }, (_, i) => String(i % 10)).join(''));
  });

  it('never holds text longer than the interval', () => {
    const { writes, buffer } = setup();
    buffer.append('m', { text: 'first' });
    vi.advanceTimersByTime(0);
    expect(writes).toHaveLength(1);
    vi.advanceTimersByTime(50);
    buffer.append('m', { text: 'a', reasoning: 'r' });
    vi.advanceTimersByTime(149);
    expect(writes).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(writes).toHaveLength(2);
    expect(writes[1]?.get('m')).toEqual({ text: 'a', reasoning: 'r' });
  });

  it('hands one message over to a caller that writes it itself', () => {
    const { writes, buffer } = setup();
    buffer.append('a', { text: 'x' });
    buffer.append('b', { text: 'y' });
    vi.advanceTimersByTime(0);
    buffer.append('a', { text: 'z' });
    expect(buffer.take('a')).toEqual({ text: 'z', reasoning: '' });
    buffer.flushAll();
    expect(writes.every((w) => w.get('a')?.text !== 'z')).toBe(true);
  });

  it('keeps text whose write failed and writes it with the next batch', () => {
    let fail = true;
    const written: string[] = [];
    const errors: unknown[] = [];
    const buffer = createAppendBuffer({
      write: (b) => {
        if (fail) throw new Error('disk full');
        written.push(b.get('m')?.text ?? '');
      },
      onError: (e) => errors.push(e),
    });
    buffer.append('m', { text: 'one ' });
    vi.advanceTimersByTime(0);
    expect(errors).toHaveLength(1);
    fail = false;
    buffer.append('m', { text: 'two' });
    buffer.flushAll();
    expect(written).toEqual(['one two']);
  });
});
