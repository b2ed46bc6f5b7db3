// SettingsStore backed by electron-store in the app, with the same schema and the same
// corrupt-file handling as the conf backend used by the harness and tests.
import { app } from 'electron';
import { join } from 'node:path';
import type { Settings } from '../core/settings/schema';
import { loadSettingsFile } from '../core/settings/settings-file';
import { parseSettingValue, type SettingsStore } from '../core/settings/settings-store';

export async function createElectronSettings(): Promise<SettingsStore> {
  const { default: ElectronStore } = await import('electron-store');
  const cwd = app.getPath('userData');
  const loaded = loadSettingsFile(join(cwd, 'settings.json'));
  const store = new ElectronStore<Settings>({
    cwd,
    name: 'settings',
    accessPropertiesByDotNotation: false,
    clearInvalidConfig: false,
    watch: false,
  });
  let current: Settings = loaded.settings;
  if (loaded.rewrite) store.store = current;
  return {
    notices: loaded.notices,
    get: (key) => structuredClone(current[key]),
    set(key, value) {
      const parsed = parseSettingValue(key, value);
      const next = { ...current, [key]: parsed };
      store.store = next;
      current = next;
    },
    all: () => structuredClone(current),
  };
}
