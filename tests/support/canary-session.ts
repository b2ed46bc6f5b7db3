// A child process for the canary test: the real engine on a data folder whose database key it is
// handed, one chat turn through a fake Ollama with the canary in the question and the reply, then
// it says "finished" and waits to be killed (SIGKILL: no clean close, so the WAL stays behind).
import { startFake } from '../fakes/index';
import { createVault } from '../../electron/core/vault/vault';
import { createMemoryHintStore } from '../../electron/core/vault/hint-store';
import { memoryKeychain, startCore } from './core-fixture';

const [dataDir, question, replyCanary] = process.argv.slice(2) as [string, string, string];
const keyHex = process.env.CANARY_DB_KEY ?? '';
const ollama = await startFake('ollama', { tokens: ['Noted: ', replyCanary, '.'], models: ['llama3.2:3b'] });
const vault = createVault({ backend: memoryKeychain(), hints: createMemoryHintStore() });
await vault.setDatabaseKey(keyHex);
const f = await startCore({ dataDir, vault });
const conn = await f.call('addConnection', { kind: 'ollama', name: 'Home Ollama', baseUrl: ollama.origin });
const conv = await f.call('createConversation', {});
const sent = await f.call('sendMessage', { conversationId: conv.id, parentId: null, content: question, model: { connectionId: conn.id, modelId: 'llama3.2:3b' } });
const end = await f.streamEnd(sent.streamId);
process.stdout.write(`${end.kind === 'finish' ? 'finished' : `failed ${JSON.stringify(end)}`}\n`);
setInterval(() => undefined, 60_000);
