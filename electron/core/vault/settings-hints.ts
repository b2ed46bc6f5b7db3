// Key hints kept in settings (`keyHints`), so the connection list shows "…abcd, verified 2 days
// ago" without touching the keychain (which may prompt to unlock) on every render.
import type { SettingsStore } from '../settings/settings-store';
import type { HintStore } from './hint-store';

export function createSettingsHintStore(settings: SettingsStore): HintStore {
  return {
    get: (id) => settings.get('keyHints')[id],
    set(id, hint) {
      settings.set('keyHints', { ...settings.get('keyHints'), [id]: { ...hint } });
    },
    delete(id) {
      const { [id]: _removed, ...rest } = settings.get('keyHints');
      settings.set('keyHints', rest);
    },
  };
}
