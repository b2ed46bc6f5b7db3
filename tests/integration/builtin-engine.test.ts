// The built-in engine end to end: a GGUF file the test writes itself (a tiny llama with random
// weights) is inspected, added, loaded by the real llama.cpp in a worker thread, streamed, stopped
// and unloaded. The words are gibberish; every step of the path is real. Nothing is downloaded.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { StreamEvent } from '../../shared/types';
import { startCore, type CoreFixture } from '../support/core-fixture';
import { writeTinyLlama } from '../support/tiny-llama';

const dir = mkdtempSync(join(tmpdir(), 'enclave-gguf-'));
const modelPath = join(dir, 'tiny-llama.F32.gguf');
const { sizeBytes } = writeTinyLlama(modelPath, { contextLength: 512 });

/** Engine start (llama.cpp checks its binary) is slow on a loaded machine: wait generously. */
function streamEnd(f: CoreFixture, streamId: string, ms = 90_000): Promise<StreamEvent> {
  return new Promise((resolve, reject) => {
    const deadline = Date.now() + ms;
    const poll = () => {
      const done = f.events.find((e) => e.streamId === streamId && (e.kind === 'finish' || e.kind === 'error'));
      if (done) return resolve(done);
      if (Date.now() > deadline) return reject(new Error(`stream ${streamId} did not end`));
      setTimeout(poll, 20);
    };
    poll();
  });
}

function textOf(f: CoreFixture, streamId: string): string[] {
  return f.events.flatMap((e) => (e.streamId === streamId && e.kind === 'text-delta' ? [e.text] : []));
}

describe('the built-in engine', () => {
  let f: CoreFixture;
  beforeAll(async () => {
    f = await startCore({ builtin: { threads: 1, idleMs: 60_000, maxContext: 512 } });
  }, 120_000);
  afterAll(async () => {
    await f?.close();
  });

  test('reads a GGUF header: architecture, quantisation, context length, size and the RAM it needs', async () => {
    const report = await f.call('inspectGguf', { path: modelPath });
    expect(report).toMatchObject({ architecture: 'llama', quantisation: 'F32', contextLength: 512, name: 'Tiny Test Llama', supported: true });
    // The weights are the file minus its header (tokenizer, metadata).
    expect(report.sizeBytes).toBeGreaterThan(sizeBytes * 0.8);
    expect(report.sizeBytes).toBeLessThanOrEqual(sizeBytes);
    expect(report.ramNeededBytes).toBeGreaterThan(report.sizeBytes);
    expect(report.ramFreeBytes).toBeGreaterThan(0);
    expect(report.fits).toBe(true);
  }, 120_000);

  test('refuses what is not a GGUF file with a sentence that says why, and adds nothing', async () => {
    const notModel = join(dir, 'notes.gguf');
    writeFileSync(notModel, 'These are my notes, not a model.\n'.repeat(10));
    const truncated = join(dir, 'truncated.gguf');
    writeFileSync(truncated, Buffer.concat([Buffer.from('GGUF'), Buffer.from([3, 0, 0, 0]), Buffer.alloc(100, 0xff)]));
    await expect(f.call('addBuiltinModel', { path: notModel })).rejects.toThrow(/not a GGUF model file/);
    await expect(f.call('addBuiltinModel', { path: 'models/tiny.gguf' })).rejects.toThrow(/full path/);
    await expect(f.call('addBuiltinModel', { path: join(dir, 'missing.gguf') })).rejects.toThrow(/no such file/);
    await expect(f.call('addBuiltinModel', { path: truncated })).rejects.toThrow(/could not be read as a model/);
    expect((await f.call('listBuiltinModels', {})).models).toEqual([]);
    expect((await f.call('listConnections', {})).some((c) => c.kind === 'builtin')).toBe(false);
  }, 60_000);

  test('streams a reply with usage into a local-only conversation, offline, without one network request', async () => {
    const { model, connection } = await f.call('addBuiltinModel', { path: modelPath });
    expect(connection).toMatchObject({ kind: 'builtin', name: 'Built-in', local: true });
    const listed = await f.call('listModels', { connectionId: connection.id });
    // The id is the file's name, so the picker and message headers say which model answered.
    expect(listed.models).toEqual([{ id: 'tiny-llama.F32', label: 'Tiny Test Llama (F32)', contextWindow: 512 }]);
    expect(model.id).toBe('tiny-llama.F32');

    await f.call('setOffline', { offline: true });
    const conv = await f.call('createConversation', { localOnly: true });
    const sent = await f.call('sendMessage', {
      conversationId: conv.id,
      parentId: null,
      content: 'Tell me about the sea',
      model: { connectionId: connection.id, modelId: model.id },
      maxOutputTokens: 24,
    });
    const end = await streamEnd(f, sent.streamId);
    expect(end).toMatchObject({ kind: 'finish', reason: 'length' });
    // Deltas are coalesced per 16 ms frame, so a fast machine may see all 24 tokens in one event;
    // that text arrives before the end of a reply is proven by the Stop test below.
    const deltas = textOf(f, sent.streamId);
    expect(deltas.join('').length).toBeGreaterThan(0);
    const usage = f.events.find((e) => e.streamId === sent.streamId && e.kind === 'usage');
    expect(usage).toMatchObject({ kind: 'usage', usage: { outputTokens: 24 }, costUsd: 0 });
    expect(usage?.kind === 'usage' && usage.usage.inputTokens).toBeGreaterThan(5);

    const { messages } = await f.call('getConversation', { id: conv.id });
    const reply = messages.find((m) => m.id === sent.assistantMessageId)!;
    expect(reply).toMatchObject({ status: 'complete', content: deltas.join(''), model: { kind: 'builtin' } });
    expect(reply.timing?.firstTokenMs).toBeGreaterThan(0);
    expect(await f.call('listLedger', {})).toEqual([]);
    expect((await f.call('listBuiltinModels', {})).loadedId).toBe(model.id);
    await f.call('setOffline', { offline: false });
  }, 120_000);

  test('Stop ends the reply at once, keeps what was written, and the engine answers the next turn', async () => {
    const { models } = await f.call('listBuiltinModels', {});
    const conn = (await f.call('listConnections', {})).find((c) => c.kind === 'builtin')!;
    const ref = { connectionId: conn.id, modelId: models[0]!.id };
    const conv = await f.call('createConversation', {});
    const sent = await f.call('sendMessage', { conversationId: conv.id, parentId: null, content: 'Write a long story', model: ref, maxOutputTokens: 400 });
    await expect.poll(() => textOf(f, sent.streamId).length, { timeout: 60_000, interval: 10 }).toBeGreaterThan(0);
    expect(await f.call('stopStream', { streamId: sent.streamId })).toEqual({ stopped: true });
    const end = await streamEnd(f, sent.streamId, 10_000);
    expect(end).toMatchObject({ kind: 'finish', reason: 'aborted' });
    const { messages } = await f.call('getConversation', { id: conv.id });
    const stopped = messages.find((m) => m.id === sent.assistantMessageId)!;
    expect(stopped.status).toBe('interrupted');
    expect(stopped.content).toBe(textOf(f, sent.streamId).join(''));
    expect(stopped.content.length).toBeGreaterThan(0);

    const next = await f.call('sendMessage', { conversationId: conv.id, parentId: stopped.id, content: 'Go on', model: ref, maxOutputTokens: 8 });
    expect(await streamEnd(f, next.streamId)).toMatchObject({ kind: 'finish', reason: 'length' });
  }, 120_000);

  test('a removed model gives a clear error instead of a reply, and is unloaded', async () => {
    const { models } = await f.call('listBuiltinModels', {});
    const conn = (await f.call('listConnections', {})).find((c) => c.kind === 'builtin')!;
    await f.call('removeBuiltinModel', { id: models[0]!.id });
    expect(await f.call('listBuiltinModels', {})).toMatchObject({ models: [] });
    expect((await f.call('listModels', { connectionId: conn.id })).models).toEqual([]);
    const conv = await f.call('createConversation', {});
    const sent = await f.call('sendMessage', { conversationId: conv.id, parentId: null, content: 'Hi', model: { connectionId: conn.id, modelId: models[0]!.id } });
    expect(await streamEnd(f, sent.streamId)).toMatchObject({ kind: 'error', error: { kind: 'model-not-found', message: expect.stringMatching(/was removed/) } });
  }, 60_000);
});

describe('idle unload', () => {
  test('the model leaves memory after the idle time and loads again on the next turn', async () => {
    const f = await startCore({ builtin: { threads: 1, idleMs: 500, maxContext: 512 } });
    try {
      const { model, connection } = await f.call('addBuiltinModel', { path: modelPath });
      const conv = await f.call('createConversation', {});
      const ref = { connectionId: connection.id, modelId: model.id };
      const first = await f.call('sendMessage', { conversationId: conv.id, parentId: null, content: 'Hi', model: ref, maxOutputTokens: 4 });
      expect(await streamEnd(f, first.streamId)).toMatchObject({ kind: 'finish' });
      await expect.poll(async () => (await f.call('listBuiltinModels', {})).loadedId, { timeout: 10_000, interval: 100 }).toBeUndefined();
      const second = await f.call('sendMessage', { conversationId: conv.id, parentId: first.assistantMessageId, content: 'Again', model: ref, maxOutputTokens: 4 });
      expect(await streamEnd(f, second.streamId)).toMatchObject({ kind: 'finish', reason: 'length' });
    } finally {
      await f.close();
    }
  }, 180_000);
});
