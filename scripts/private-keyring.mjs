// On Linux without a Secret Service session, re-runs the current script inside a private D-Bus
// session with an unlocked gnome-keyring and a temporary HOME, so tests and the bench use a real
// keychain and never the user's own keyring. Returns only when no re-run was needed.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
export const run = (cmd, args, env = process.env) => spawnSync(cmd, args, { stdio: 'inherit', env }).status ?? 1;

export function rerunInPrivateKeyring(script) {
  if (process.platform !== 'linux' || process.env.ENCLAVE_TEST_KEYRING || !has('dbus-run-session') || !has('gnome-keyring-daemon')) return;
  const home = mkdtempSync(join(tmpdir(), 'enclave-test-home-'));
  const env = { ...process.env, ENCLAVE_TEST_KEYRING: home, HOME: home, npm_config_cache: join(home, '.npm') };
  const args = process.argv
    .slice(2)
    .map((a) => `'${a.replace(/'/g, '')}'`)
    .join(' ');
  const inner = `echo -n enclave-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null; exec "${process.execPath}" ${script} ${args}`;
  process.exit(run('dbus-run-session', ['--', 'sh', '-c', inner], env));
}
