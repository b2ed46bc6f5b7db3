import { describe, expect, test, vi } from 'vitest';
import { createStreamBatcher } from '../../electron/core/chat/stream-batcher';
import type { StreamEvent } from '../../shared/types';

describe('stream batching', () => {
  test('a thousand tokens in one frame reach the renderer as one message, stamped with the last arrival', () => {
    vi.useFakeTimers();
    const sent: StreamEvent[][] = [];
    const b = createStreamBatcher((e) => sent.push(e), 16);
    for (let i = 0; i < 1000; i++) b.push({ kind: 'text-delta', streamId: 's', text: 'x', atMs: 100 + i });
    expect(sent).toHaveLength(0);
    vi.advanceTimersByTime(16);
    expect(sent).toEqual([[{ kind: 'text-delta', streamId: 's', text: 'x'.repeat(1000), atMs: 1099 }]]);
    vi.useRealTimers();
  });

  test('panes stay apart and order is kept', () => {
    vi.useFakeTimers();
    const sent: StreamEvent[][] = [];
    const b = createStreamBatcher((e) => sent.push(e), 16);
    b.push({ kind: 'text-delta', streamId: 'a', text: '1', atMs: 1 });
    b.push({ kind: 'text-delta', streamId: 'b', text: '2', atMs: 2 });
    b.push({ kind: 'reasoning-delta', streamId: 'b', text: 'r', atMs: 3 });
    b.push({ kind: 'text-delta', streamId: 'b', text: '3', atMs: 4 });
    vi.advanceTimersByTime(16);
    expect(sent[0]!.map((e) => (e.kind === 'text-delta' || e.kind === 'reasoning-delta' ? `${e.streamId}:${e.text}` : e.kind))).toEqual(['a:1', 'b:2', 'b:r', 'b:3']);
    vi.useRealTimers();
  });

  test('the end of a reply is sent at once', () => {
    vi.useFakeTimers();
    const sent: StreamEvent[][] = [];
    const b = createStreamBatcher((e) => sent.push(e), 16);
    b.push({ kind: 'text-delta', streamId: 's', text: 'end', atMs: 4 });
    b.push({ kind: 'finish', streamId: 's', reason: 'stop', timing: { totalMs: 5 } });
    expect(sent).toHaveLength(1);
    expect(sent[0]!.map((e) => e.kind)).toEqual(['text-delta', 'finish']);
    vi.useRealTimers();
  });
});
