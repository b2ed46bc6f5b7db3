// The SettingsStore both backends share: values checked once at load, kept in memory, every
// change validated before the backend writes it atomically.
import type { Settings } from './schema';
import type { LoadedSettings } from './settings-file';
import { parseSettingValue, type SettingsStore } from './settings-store';

/** conf and electron-store both expose the whole document as a writable `store` property. */
export interface SettingsBackend {
  store: Settings;
}

export function cachedSettings(backend: SettingsBackend, loaded: LoadedSettings): SettingsStore {
  let current: Settings = loaded.settings;
  if (loaded.rewrite) backend.store = current;
  return {
    notices: loaded.notices,
    get: (key) => structuredClone(current[key]),
    set(key, value) {
      const parsed = parseSettingValue(key, value);
      const next = { ...current, [key]: parsed };
      backend.store = next;
      current = next;
    },
    all: () => structuredClone(current),
  };
}
