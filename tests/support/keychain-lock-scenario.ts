// Runs inside its own dbus-run-session with its own gnome-keyring (see faults/keychain.test.ts):
// the real core and the real keychain, locked over D-Bus half-way. Prints one JSON line of what
// the user would see; the test asserts on it. Never touches the user's own keyring.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { startCore } from './core-fixture';
import { createConfSettings } from '../../electron/core/settings/conf-settings';
import { createSettingsHintStore } from '../../electron/core/vault/settings-hints';
import { createVault } from '../../electron/core/vault/vault';
import type { KeytarLike } from '../../electron/core/vault/keytar-like';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [fakeOrigin] = process.argv.slice(2);
const SERVICE = 'Enclave-faults-test';

function lockDefaultCollection(): void {
  execFileSync(
    'gdbus',
    [
      'call',
      '--session',
      '--dest',
      'org.freedesktop.secrets',
      '--object-path',
      '/org/freedesktop/secrets',
      '--method',
      'org.freedesktop.Secret.Service.Lock',
      "['/org/freedesktop/secrets/collection/login']",
    ],
    { stdio: 'pipe' },
  );
}

const dataDir = mkdtempSync(join(tmpdir(), 'enclave-keychain-lock-'));
const settings = createConfSettings({ cwd: dataDir });
const vault = createVault({ service: SERVICE, hints: createSettingsHintStore(settings) });
const f = await startCore({ dataDir, settings, vault });
const keytar = createRequire(import.meta.url)('keytar') as KeytarLike;

const kept = await f.call('addConnection', { kind: 'openai-compatible', name: 'Kept', baseUrl: `${fakeOrigin}/v1`, apiKey: 'sk-kept-0000000000001111' });
const gone = await f.call('addConnection', { kind: 'openai-compatible', name: 'Gone', baseUrl: `${fakeOrigin}/v1`, apiKey: 'sk-gone-0000000000002222' });
// Someone removes one key with another tool (Seahorse, secret-tool) while Enclave is not looking.
await keytar.deletePassword(SERVICE, gone.id);
await new Promise((r) => setTimeout(r, 5100));
const afterDelete = await f.call('listConnections', {});

lockDefaultCollection();
const info = await f.call('getAppInfo', {});
const conversation = await f.call('createConversation', {});
const sent = await f.call('sendMessage', { conversationId: conversation.id, parentId: null, content: 'hi', model: { connectionId: kept.id, modelId: 'gpt-fake' } });
const end = await f.streamEnd(sent.streamId);
await new Promise((r) => setTimeout(r, 5100));
const whileLocked = await f.call('listConnections', {});
await f.close();

process.stdout.write(
  JSON.stringify({
    hintsAfterDelete: Object.fromEntries(afterDelete.map((c) => [c.name, c.keyHint?.last4 ?? null])),
    hintsWhileLocked: Object.fromEntries(whileLocked.map((c) => [c.name, c.keyHint?.last4 ?? null])),
    keychain: info.keychain,
    end,
  }) + '\n',
);
process.exit(0);
