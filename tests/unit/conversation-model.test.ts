// The model belongs to the conversation: which model reopening it restores, when moving it to a
// remote model needs the user's yes, and how the picker marks remote models it cannot use.
import { describe, expect, test } from 'vitest';
import type { ConnectionView, Message } from '../../shared/types';
import { confirmRemote, lastUsedModel, remoteSwitchNeedsConfirm } from '../../renderer/state/conversation-model';
import { modelSections } from '../../renderer/features/palette/model-options';
import { remoteUnavailable } from '../../renderer/features/chat/remote-unavailable';

const msg = (id: string, parentId: string | null, role: Message['role'], createdAt: number, model?: string): Message => ({
  id,
  conversationId: 'c',
  parentId,
  role,
  content: id,
  status: 'complete',
  createdAt,
  updatedAt: createdAt,
  ...(model ? { model: { connectionId: model.split('/')[0]!, modelId: model.split('/')[1]!, connectionName: 'x' } } : {}),
});
const ollama: ConnectionView = { id: 'ollama', kind: 'ollama', name: 'Ollama', baseUrl: 'http://127.0.0.1:11434', local: true } as ConnectionView;
const openai: ConnectionView = { id: 'openai', kind: 'openai', name: 'OpenAI', local: false } as ConnectionView;

describe('the model a conversation reopens with', () => {
  const messages = [
    msg('u1', null, 'user', 1),
    msg('a1', 'u1', 'assistant', 2, 'ollama/llama3.2:3b'),
    msg('u2', 'a1', 'user', 3),
    msg('a2', 'u2', 'assistant', 4, 'ollama/qwen2.5:7b'),
    // A newer answer on another branch: the branch on screen decides.
    msg('a2b', 'u2', 'assistant', 5, 'openai/gpt-4o'),
  ];
  test('is the model of the newest reply on the branch shown', () => {
    expect(lastUsedModel(messages, 'a2')).toEqual({ connectionId: 'ollama', modelId: 'qwen2.5:7b' });
    expect(lastUsedModel(messages, 'a2b')).toEqual({ connectionId: 'openai', modelId: 'gpt-4o' });
  });
  test('falls back to the newest reply anywhere when the branch has none, and to nothing in an empty chat', () => {
    expect(lastUsedModel(messages, 'u1')).toEqual({ connectionId: 'openai', modelId: 'gpt-4o' });
    expect(lastUsedModel([msg('u1', null, 'user', 1)], 'u1')).toBeUndefined();
  });
});

describe('moving a conversation from local to remote', () => {
  const local = { connectionId: 'ollama', modelId: 'llama3.2:3b' };
  const remote = { connectionId: 'openai', modelId: 'gpt-4o' };
  const connections = [ollama, openai];
  test('asks when its replies so far were local, and only once', () => {
    expect(remoteSwitchNeedsConfirm({ conversationId: 'c1', lastUsed: local, next: remote, connections })).toBe(true);
    confirmRemote('c1');
    expect(remoteSwitchNeedsConfirm({ conversationId: 'c1', lastUsed: local, next: remote, connections })).toBe(false);
    expect(remoteSwitchNeedsConfirm({ conversationId: 'c2', lastUsed: local, next: remote, connections })).toBe(true);
  });
  test('does not ask for a new chat, a remote conversation, or a local choice', () => {
    expect(remoteSwitchNeedsConfirm({ conversationId: undefined, lastUsed: undefined, next: remote, connections })).toBe(false);
    expect(remoteSwitchNeedsConfirm({ conversationId: 'c3', lastUsed: undefined, next: remote, connections })).toBe(false);
    expect(remoteSwitchNeedsConfirm({ conversationId: 'c3', lastUsed: remote, next: remote, connections })).toBe(false);
    expect(remoteSwitchNeedsConfirm({ conversationId: 'c3', lastUsed: local, next: local, connections })).toBe(false);
  });
});

describe('the picker while remote models cannot be used', () => {
  const models = { ollama: { models: [{ id: 'llama3.2:3b' }] }, openai: { models: [{ id: 'gpt-4o' }] } };
  const options = (offline: boolean, localOnly: boolean) =>
    modelSections({
      connections: [ollama, openai],
      models,
      favorites: [],
      recent: [],
      query: '',
      ...(remoteUnavailable(offline, localOnly) ? { remoteUnavailable: remoteUnavailable(offline, localOnly)! } : {}),
    })
      .flatMap((s) => s.options)
      .map((o) => ({ id: o.ref.modelId, disabled: o.disabled, reason: o.disabledReason }));
  test('offline: remote models are disabled with the reason, local ones stay', () => {
    expect(options(true, false)).toEqual([
      { id: 'llama3.2:3b', disabled: false, reason: undefined },
      { id: 'gpt-4o', disabled: true, reason: 'offline mode is on' },
    ]);
  });
  test('a local-only chat says so; online and unlocked, everything is available', () => {
    expect(options(false, true)[1]).toEqual({ id: 'gpt-4o', disabled: true, reason: 'this chat is local-only' });
    expect(options(false, false).every((o) => !o.disabled)).toBe(true);
  });
});
