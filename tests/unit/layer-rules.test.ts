// Each layer rule from ARCHITECTURE.md fires on a deliberately broken fixture, linted as if it
// lived in the layer it breaks.
import { readFileSync } from 'node:fs';
import { ESLint } from 'eslint';
import { describe, expect, test } from 'vitest';

// The layer rows need no types; linting a made-up path with type information would fail to find it
// in any tsconfig, so these run without it (the type-aware rule has its own test below).
const eslint = new ESLint({
  cwd: process.cwd(),
  overrideConfig: { languageOptions: { parserOptions: { project: false } }, rules: { '@typescript-eslint/no-floating-promises': 'off' } },
});

async function ruleIds(fixture: string, pretendPath: string, linter = eslint): Promise<string[]> {
  const code = readFileSync(`tests/lint-fixtures/${fixture}`, 'utf8');
  const [result] = await linter.lintText(code, { filePath: pretendPath });
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
}

describe('layer rules', () => {
  test('electron/core may not import electron', async () => {
    const messages = await ruleIds('core-imports-electron.ts', 'electron/core/chat/bad.ts');
    expect(messages.some((m) => m.startsWith('no-restricted-imports') && m.includes('never import electron'))).toBe(true);
  });

  test('the renderer may not import Node built-ins', async () => {
    const messages = await ruleIds('renderer-imports-node.ts', 'renderer/features/chat/bad.ts');
    expect(messages.some((m) => m.startsWith('no-restricted-imports') && m.includes('no Node built-ins'))).toBe(true);
  });

  test('the renderer may not import electron/ code', async () => {
    const messages = await ruleIds('renderer-imports-main.ts', 'renderer/features/chat/bad.ts');
    expect(messages.some((m) => m.startsWith('no-restricted-imports') && m.includes('only through window.enclave'))).toBe(true);
  });

  test('the renderer may not open network connections', async () => {
    const messages = await ruleIds('renderer-fetch.ts', 'renderer/features/chat/bad.ts');
    expect(messages.some((m) => m.startsWith('no-restricted-globals') && m.includes('fetch'))).toBe(true);
    expect(messages.some((m) => m.startsWith('no-restricted-properties') && m.includes('sendBeacon'))).toBe(true);
  });

  test('only the store driver opens SQLite: a plain, unkeyed connection cannot slip in elsewhere', async () => {
    expect(
      (await ruleIds('store-imports-sqlite.ts', 'electron/core/store/bad.ts')).some(
        (m) => m.startsWith('no-restricted-imports') && m.includes('Only electron/core/store/driver.ts'),
      ),
    ).toBe(true);
    expect((await ruleIds('store-imports-sqlite.ts', 'electron/core/store/driver.ts')).filter((m) => m.startsWith('no-restricted-imports'))).toEqual([]);
  });

  test('a provider adapter may not call fetch itself', async () => {
    const messages = await ruleIds('provider-fetch.ts', 'electron/core/providers/bad.ts');
    expect(messages.some((m) => m.startsWith('no-restricted-globals') && m.includes('Only electron/core/egress'))).toBe(true);
  });

  test('core code outside egress may not use http/https/net', async () => {
    const messages = await ruleIds('provider-http.ts', 'electron/core/store/bad.ts');
    expect(messages.some((m) => m.startsWith('no-restricted-imports') && m.includes('Only electron/core/egress'))).toBe(true);
  });

  test('main may not use fetch either', async () => {
    const messages = await ruleIds('provider-fetch.ts', 'electron/main/bad.ts');
    expect(messages.some((m) => m.startsWith('no-restricted-globals'))).toBe(true);
  });

  test('egress itself is allowed to use fetch and http', async () => {
    expect(await ruleIds('provider-fetch.ts', 'electron/core/egress/transport.ts')).toEqual([]);
    expect(await ruleIds('provider-http.ts', 'electron/core/egress/transport.ts')).toEqual([]);
  });

  test('shared may not import electron/ code', async () => {
    const messages = await ruleIds('shared-imports-core.ts', 'shared/bad.ts');
    expect(messages.some((m) => m.startsWith('no-restricted-imports') && m.includes('used by renderer and main alike'))).toBe(true);
  });

  test('core may not import electron/main', async () => {
    const messages = await ruleIds('core-imports-main.ts', 'electron/core/chat/bad.ts');
    expect(messages.some((m) => m.startsWith('no-restricted-imports') && m.includes('electron/core is below main'))).toBe(true);
  });

  test('renderer state may not import a feature', async () => {
    const messages = await ruleIds('state-imports-feature.ts', 'renderer/state/bad.ts');
    expect(messages.some((m) => m.startsWith('no-restricted-imports') && m.includes('sit below features'))).toBe(true);
    expect(await ruleIds('state-imports-feature.ts', 'renderer/features/history/fine.ts')).toEqual([]);
  });

  test('only electron/main/ipc.ts may register IPC handlers', async () => {
    const elsewhere = await ruleIds('ipc-handle-elsewhere.ts', 'electron/main/window-state.ts');
    expect(elsewhere.some((m) => m.startsWith('no-restricted-imports') && m.includes('Only electron/main/ipc.ts'))).toBe(true);
    expect(await ruleIds('ipc-handle-elsewhere.ts', 'electron/preload/bad.ts')).not.toEqual([]);
    expect(await ruleIds('ipc-handle-elsewhere.ts', 'electron/main/ipc.ts')).toEqual([]);
  });
});

test('a promise left floating fails type-aware lint', { timeout: 60_000 }, async () => {
  // A real file with a tsconfig of its own, so the linter's types come from exactly this text
  // (linting made-up text in place of a real file could be typed from the file on disk instead).
  const typed = new ESLint({
    cwd: process.cwd(),
    ignore: false,
    overrideConfig: { languageOptions: { parserOptions: { project: ['./tests/lint-fixtures/tsconfig.json'] } } },
  });
  const [result] = await typed.lintFiles(['tests/lint-fixtures/floating-promise.ts']);
  const messages = (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
  expect(
    messages.filter((m) => m.startsWith('@typescript-eslint/no-floating-promises')),
    messages.join('\n'),
  ).toHaveLength(1);
});
