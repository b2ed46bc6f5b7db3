// `npm test`: typecheck, lint, format check, unit, integration and end-to-end tests, inside a
// private keyring where needed (private-keyring.mjs).
import { readFileSync } from 'node:fs';
import { rerunInPrivateKeyring, run } from './private-keyring.mjs';

rerunInPrivateKeyring('scripts/test.mjs');

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
