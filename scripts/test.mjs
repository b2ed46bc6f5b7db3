// `npm test`: typecheck, lint, format check, unit, integration and end-to-end tests. On Linux without a
// Secret Service session it re-runs itself inside a private D-Bus session with an unlocked
// gnome-keyring and a temporary HOME, so keychain tests use the real keychain and never the
// user's own keyring.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
const run = (cmd, args, env = process.env) => spawnSync(cmd, args, { stdio: 'inherit', env }).status ?? 1;

if (process.platform === 'linux' && !process.env.ENCLAVE_TEST_KEYRING && has('dbus-run-session') && has('gnome-keyring-daemon')) {
  const home = mkdtempSync(join(tmpdir(), 'enclave-test-home-'));
  const env = { ...process.env, ENCLAVE_TEST_KEYRING: home, HOME: home, npm_config_cache: join(home, '.npm') };
  const inner = `echo -n enclave-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null; exec "${process.execPath}" scripts/test.mjs ${process.argv
    .slice(2)
    .map((a) => `'${a.replace(/'/g, '')}'`)
    .join(' ')}`;
  process.exit(run('dbus-run-session', ['--', 'sh', '-c', inner], env));
}

const node = process.execPath;
const SUMMARY = 'test-results/vitest-summary.json';
const steps = [
  ['check Node', [node, 'scripts/check-node.mjs']],
  ['typecheck', [node, 'node_modules/typescript/bin/tsc', '-p', 'tsconfig.json', '--noEmit']],
  ['typecheck (renderer, without Node types)', [node, 'node_modules/typescript/bin/tsc', '-p', 'tsconfig.renderer.json', '--noEmit']],
  ['typecheck (Electron main)', [node, 'node_modules/typescript/bin/tsc', '-p', 'tsconfig.electron.json', '--noEmit']],
  ['lint', [node, 'node_modules/eslint/bin/eslint.js', '.']],
  // A run of chosen test files (`node scripts/test.mjs tests/x.test.ts`) skips the format check.
  ...(process.argv.length > 2 ? [] : [['format:check', [node, 'node_modules/prettier/bin/prettier.cjs', '--check', '.']]]),
  ['tests', [node, 'node_modules/vitest/vitest.mjs', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${SUMMARY}`, ...process.argv.slice(2)]],
];
for (const [label, [cmd, ...args]] of steps) {
  console.log(`\n▶ ${label}`);
  const status = run(cmd, args);
  if (label === 'tests') printSummary();
  if (status !== 0) {
    console.error(`\n✖ ${label} failed (exit ${status})`);
    process.exit(status);
  }
}

/** One plain closing line, whatever the reporter printed above it. */
function printSummary() {
  try {
    const r = JSON.parse(readFileSync(SUMMARY, 'utf8'));
    const skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
    console.log(`\n${r.numPassedTests} passed, ${r.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}`);
  } catch {
    // No summary: vitest failed before running tests; its own output says why.
  }
}
