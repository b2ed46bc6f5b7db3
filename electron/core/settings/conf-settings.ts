// SettingsStore backed by `conf` (atomic JSON writes), for the browser harness, the CLI and tests.
// Main backs the same interface with electron-store, which cannot load outside Electron.
import { join } from 'node:path';
import Conf from 'conf';
import type { Settings } from './schema';
import { loadSettingsFile } from './settings-file';
import type { SettingsStore } from './settings-store';
import { cachedSettings } from './cached-settings';

export interface ConfSettingsOptions {
  /** Directory holding the file. */
  cwd: string;
  /** File name without extension; default "settings". */
  name?: string;
  now?: () => number;
}

export function createConfSettings(opts: ConfSettingsOptions): SettingsStore {
  const name = opts.name ?? 'settings';
  const filePath = join(opts.cwd, `${name}.json`);
  // Judge the file ourselves first: conf would either throw on bad JSON or (clearInvalidConfig)
  // wipe it, and it knows nothing of our zod schema.
  const loaded = loadSettingsFile(filePath, opts.now);
  const conf = new Conf<Settings>({
    cwd: opts.cwd,
    configName: name,
    accessPropertiesByDotNotation: false,
    clearInvalidConfig: false,
    watch: false,
    configFileMode: 0o600,
  });
  if (conf.path !== filePath) throw new Error(`conf resolved ${conf.path}, expected ${filePath}`);
  return cachedSettings(conf, loaded);
}
