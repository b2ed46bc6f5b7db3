// SettingsStore backed by electron-store in the app, with the same schema and the same
// corrupt-file handling as the conf backend used by the harness and tests.
import { app } from 'electron';
import { join } from 'node:path';
import type { Settings } from '../core/settings/schema';
import { loadSettingsFile } from '../core/settings/settings-file';
import type { SettingsStore } from '../core/settings/settings-store';
import { cachedSettings } from '../core/settings/cached-settings';

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
  return cachedSettings(store, loaded);
}
