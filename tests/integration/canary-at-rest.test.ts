// What a stolen laptop or a synced folder would reveal: a real session (a question and a reply
// with unique canary sentences through a fake Ollama, a search, an export, a clean close) and a
// second one killed mid-life so its WAL stays behind; then every file under the data folder is
// read raw and the canaries are found nowhere — not whole, not as any 8-character piece, not in
// UTF-8, UTF-16LE or UTF-16BE, in any letter case.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { keyOnlyVault } from '../../electron/core/vault/vault';
import { startFake } from '../fakes/index';
import { memoryKeychain, startCore } from '../support/core-fixture';

/** Made-up words so no 8-character piece can occur by chance in any file the app writes. */
function canary(): string {
  const word = () => Array.from(randomBytes(7), (b) => 'bcdfghjklmnpqrstvwxz'[b % 20]).join('');
  return `Quixotic ${word()} gazelles ${word()} whisper ${word()} tonight.`;
}
const QUESTION = `Please remember this: ${canary()}`;
const REPLY = canary();
const QUESTION_2 = `And this one too: ${canary()}`;
const REPLY_2 = canary();
const SECRETS = [QUESTION, REPLY, QUESTION_2, REPLY_2];

const dirs: string[] = [];
const tempDir = (prefix: string) => {
  const d = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((p) => join(dir, p))
    .filter((p) => statSync(p).isFile());
}

/** Every 8-character piece of every secret, in the three encodings, as byte patterns. */
function patterns(): Buffer[] {
  const pieces = new Set<string>();
  for (const s of SECRETS) for (const text of [s, s.toLowerCase(), s.toUpperCase()]) for (let i = 0; i + 8 <= text.length; i++) pieces.add(text.slice(i, i + 8));
  return [...pieces].flatMap((p) => [Buffer.from(p, 'utf8'), Buffer.from(p, 'utf16le'), Buffer.from(p, 'utf16le').swap16()]);
}

function sightings(dataDir: string): string[] {
  const found: string[] = [];
  const all = patterns();
  for (const file of filesUnder(dataDir)) {
    const bytes = readFileSync(file);
    const lower = Buffer.from(bytes.toString('latin1').toLowerCase(), 'latin1');
    for (const p of all) if (bytes.includes(p) || lower.includes(p)) found.push(`${file.slice(dataDir.length)}: ${JSON.stringify(p.toString('latin1'))}`);
  }
  return found;
}

function runAndKill(dataDir: string, keyHex: string): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/support/canary-session.ts', dataDir, QUESTION_2, REPLY_2], {
      cwd: resolve(__dirname, '../..'),
      env: { ...process.env, CANARY_DB_KEY: keyHex },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      if (out.includes('\n')) child.kill('SIGKILL');
    });
    child.on('close', (_code, signal) => {
      clearTimeout(timer);
      if (signal === 'SIGKILL' && out.startsWith('finished')) done();
      else fail(new Error(`the session did not finish before it was killed: ${out} ${err}`));
    });
  });
}

test('no file in the data folder holds any piece of a conversation, after a clean close and after a kill', async () => {
  const dataDir = tempDir('enclave-canary-');
  const elsewhere = tempDir('enclave-canary-exports-');
  const keychain = memoryKeychain();
  const ollama = await startFake('ollama', { tokens: ['Noted: ', REPLY, '.'], models: ['llama3.2:3b'] });
  try {
    // A clean session: chat, a title from the question, search, an export the user saves elsewhere.
    const f = await startCore({ dataDir, keychain, chooseSavePath: async ({ suggestedName }) => join(elsewhere, suggestedName) });
    const conn = await f.call('addConnection', { kind: 'ollama', name: 'Home Ollama', baseUrl: ollama.origin });
    const conv = await f.call('createConversation', {});
    const sent = await f.call('sendMessage', { conversationId: conv.id, parentId: null, content: QUESTION, model: { connectionId: conn.id, modelId: 'llama3.2:3b' } });
    expect(await f.streamEnd(sent.streamId)).toMatchObject({ kind: 'finish' });
    expect((await f.call('searchMessages', { query: REPLY.split(' ')[1]! })).map((h) => h.messageId)).toContain(sent.assistantMessageId);
    expect(await f.call('exportConversations', { format: 'json', branches: 'all' })).toMatchObject({ saved: true });
    await f.close();
    // The export is plain, as the user asked, and outside the data folder: it proves the text was real.
    expect(
      filesUnder(elsewhere)
        .map((p) => readFileSync(p, 'utf8'))
        .join(''),
    ).toContain(REPLY);
    expect(filesUnder(dataDir).map((p) => p.slice(dataDir.length))).toEqual(expect.arrayContaining(['/enclave.sqlite', '/enclave.sqlite.backup']));
    expect(sightings(dataDir)).toEqual([]);

    // A second session, killed without closing: its WAL stays behind and holds the newest turn.
    const keyHex = (await keyOnlyVault({ backend: keychain }).getDatabaseKey())!;
    await runAndKill(dataDir, keyHex);
    expect(statSync(join(dataDir, 'enclave.sqlite-wal')).size).toBeGreaterThan(0);
    expect(sightings(dataDir)).toEqual([]);

    // And it was really written: the next start reads both turns back.
    const again = await startCore({ dataDir, keychain });
    const list = await again.call('listConversations', {});
    const texts = (await Promise.all(list.map((c) => again.call('getConversation', { id: c.id })))).flatMap((c) => c.messages.map((m) => m.content));
    expect(texts).toEqual(expect.arrayContaining([QUESTION, QUESTION_2, `Noted: ${REPLY}.`, `Noted: ${REPLY_2}.`]));
    await again.close();
    expect(sightings(dataDir)).toEqual([]);
  } finally {
    await ollama.close();
  }
}, 90_000);
