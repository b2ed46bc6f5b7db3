// `npm start`: the desktop app where Electron's binary is installed; otherwise the same app in
// your browser through the harness (demo mode when no local server or key is set up yet).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit', shell: process.platform === 'win32' }).status ?? 1;

function electronBinary() {
  try {
    const dir = dirname(require.resolve('electron/package.json'));
    const pathFile = join(dir, 'path.txt');
    if (!existsSync(pathFile)) return undefined;
    const bin = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
    return existsSync(bin) ? bin : undefined;
  } catch {
    return undefined;
  }
}

const extra = process.argv.slice(2);
const bin = electronBinary();
if (bin) {
  if (run('npm', ['run', 'build']) !== 0) process.exit(1);
  process.exit(run(bin, ['.', ...extra]));
}
console.log(
  'Browser mode: Electron’s binary is not installed here (install it with: node node_modules/electron/install.js), so Enclave opens in your browser instead — same app, same engine.\n',
);
process.exit(run('npm', ['run', 'preview', '--', ...extra]));
