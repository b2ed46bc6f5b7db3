// The interface every settings backend implements: electron-store in main, conf in the harness
// and tests. Callers depend on this, never on a backend.
import { z } from 'zod';
import { settingsSchema, type Settings, type SettingsKey } from './schema';
import { SettingsError } from './settings-error';

export interface SettingsStore {
  get<K extends SettingsKey>(key: K): Settings[K];
  /** Validates against the schema and throws SettingsError before writing anything. */
  set<K extends SettingsKey>(key: K, value: Settings[K]): void;
  all(): Settings;
  /** Things the user should be told once (a settings file moved aside, a migration). */
  readonly notices: string[];
}

/** Parses one top-level value with its field schema; the key itself is not settable. */
export function parseSettingValue<K extends SettingsKey>(key: K, value: unknown): Settings[K] {
  if (key === 'version' || !Object.hasOwn(settingsSchema.shape, key)) {
    throw new SettingsError('unknown-setting', String(key), `"${String(key)}" is not a setting that can be changed.`);
  }
  const field = settingsSchema.shape[key];
  // undefined would quietly mean "the default" through the field's .default(); say so instead.
  const result = value === undefined ? undefined : field.safeParse(value);
  if (result === undefined) {
    throw new SettingsError('invalid-setting', key, `Invalid value for "${key}": a value is required.`);
  }
  if (!result.success) {
    throw new SettingsError('invalid-setting', key, `Invalid value for "${key}": ${z.prettifyError(result.error)}`);
  }
  return result.data as Settings[K];
}
