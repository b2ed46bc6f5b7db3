// Builds the renderer and the harness once for all end-to-end tests, as `npm start` does.
import { execFileSync } from 'node:child_process';

export default function setup(): void {
  execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  execFileSync(process.execPath, ['scripts/build-harness.mjs'], { stdio: 'inherit' });
}
