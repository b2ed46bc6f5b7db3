// Notices added while the app runs (an idle integrity check finding damage) show once on the next
// read of app info; the start-up ones are not repeated.
import { beforeEach, expect, test } from 'vitest';
import type { AppInfo } from '../../shared/contract';
import { useApp } from '../../renderer/state/app-store';

let notices: string[];
beforeEach(() => {
  notices = ['Settings were reset.'];
  const info = (): AppInfo => ({ version: '0.1.0', demo: false, offline: false, keychain: { available: true }, notices: [...notices] }) as AppInfo;
  (globalThis as { window?: unknown }).window = { enclave: { getAppInfo: async () => ({ ok: true, value: info() }) } };
  useApp.setState({ info: undefined, toasts: [] });
});

test('a refresh toasts only the notices added since the last read', async () => {
  await useApp.getState().loadInfo();
  expect(useApp.getState().toasts.map((t) => t.text)).toEqual(['Settings were reset.']);

  await useApp.getState().refreshInfo();
  expect(useApp.getState().toasts).toHaveLength(1);

  notices.push('The conversation database failed a routine check while Enclave was idle (…).');
  await useApp.getState().refreshInfo();
  expect(useApp.getState().toasts.map((t) => t.text)).toEqual(['Settings were reset.', 'The conversation database failed a routine check while Enclave was idle (…).']);
});
