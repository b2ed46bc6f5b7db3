// The user-editable part of settings, as the renderer sees it.
import type { Preferences } from '../../../shared/types';
import type { SettingsStore } from './settings-store';

const KEYS = ['theme', 'defaultLocalOnly', 'sensitive', 'presets', 'compareSets', 'favorites', 'recentModels'] as const;

export function preferences(settings: SettingsStore): Preferences {
  const all = settings.all();
  return Object.fromEntries(KEYS.map((k) => [k, all[k]])) as unknown as Preferences;
}

export function updatePreferences(settings: SettingsStore, patch: Partial<Preferences>): Preferences {
  for (const key of KEYS) {
    const value = patch[key];
    if (value !== undefined) settings.set(key, value as never);
  }
  return preferences(settings);
}
