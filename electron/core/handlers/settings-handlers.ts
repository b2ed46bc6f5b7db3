// The user's preferences.
import type { DomainHandlers } from '../ipc/handlers';
import { preferences, updatePreferences } from '../settings/preferences';
import type { SettingsStore } from '../settings/settings-store';

export function settingsHandlers(settings: SettingsStore): DomainHandlers<'settings'> {
  return {
    getPreferences: async () => preferences(settings),
    updatePreferences: async (req) => updatePreferences(settings, req),
  };
}
