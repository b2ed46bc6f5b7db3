// A reply saved shorter than it streamed (here a trigger, added from a second connection, cuts the
// text as it is finished, as a lost write would) is reported as a notice, through the real engine.
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { startFake, type FakeServer } from '../../fakes/index';
import { memoryKeychain, startCore, type CoreFixture } from '../../support/core-fixture';
import { createVault } from '../../../electron/core/vault/vault';
import { createMemoryHintStore } from '../../../electron/core/vault/hint-store';
import { openDb } from '../../../electron/core/store/driver';

const TOKENS = ['The answer ', 'is forty-two, ', 'as everyone knows.'];
let ollama: FakeServer;
let fixture: CoreFixture | undefined;
beforeAll(async () => {
  ollama = await startFake('ollama', { tokens: TOKENS, models: ['llama3.2:3b'] });
});
afterAll(async () => {
  await ollama.close();
});
afterEach(async () => {
  await fixture?.close();
  fixture = undefined;
});

async function askOnce(f: CoreFixture, title: string) {
  const conn = await f.call('addConnection', { kind: 'ollama', name: 'Home Ollama', baseUrl: ollama.origin });
  const conv = await f.call('createConversation', { title });
  const sent = await f.call('sendMessage', { conversationId: conv.id, parentId: null, content: 'What is the answer?', model: { connectionId: conn.id, modelId: 'llama3.2:3b' } });
  const end = await f.streamEnd(sent.streamId);
  expect(end, JSON.stringify(end)).toMatchObject({ kind: 'finish' });
  return (await f.call('getConversation', { id: conv.id })).messages.find((m) => m.id === sent.assistantMessageId)!;
}

test('a reply that loses its tail on the way to disk raises a notice naming the conversation', async () => {
  const vault = createVault({ backend: memoryKeychain(), hints: createMemoryHintStore() });
  fixture = await startCore({ vault });
  // A second connection, keyed with the key the engine made and left in the keychain.
  const other = openDb(join(fixture.dataDir, 'enclave.sqlite'), { key: Buffer.from((await vault.getDatabaseKey())!, 'hex') });
  // SQLite fires the newest trigger first: the search index's own triggers are re-created after
  // this one so they index the finished text before it is cut, and the index stays consistent.
  const indexTriggers = other.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'messages'").all() as Array<{ name: string; sql: string }>;
  for (const t of indexTriggers) other.exec(`DROP TRIGGER "${t.name}"`);
  other.exec(`CREATE TRIGGER lose_tail AFTER UPDATE OF status ON messages
    WHEN NEW.status = 'complete' AND length(NEW.content) > 10
    BEGIN UPDATE messages SET content = substr(NEW.content, 1, 10) WHERE id = NEW.id; END`);
  for (const t of indexTriggers) other.exec(t.sql);
  other.close();

  const reply = await askOnce(fixture, 'Deep Thought');
  expect(reply.content).toBe('The answer');
  const { notices } = await fixture.call('getAppInfo', {});
  expect(notices).toContain(
    `A reply in “Deep Thought” was saved shorter than it arrived (10 of ${TOKENS.join('').length} characters). Copy it from the screen before you leave the conversation, and use Retry to get a full copy.`,
  );
});

test('a reply saved whole raises nothing', async () => {
  fixture = await startCore();
  const reply = await askOnce(fixture, 'Deep Thought');
  expect(reply.content).toBe(TOKENS.join(''));
  expect((await fixture.call('getAppInfo', {})).notices).toEqual([]);
});
