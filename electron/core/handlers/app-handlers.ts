// The app as a whole: what it is and its state now, the offline switch, links opened outside.
import type { AppInfo } from '../../../shared/contract';
import type { DomainHandlers } from '../ipc/handlers';
import type { SettingsStore } from '../settings/settings-store';

export interface AppHandlerDeps {
  settings: SettingsStore;
  /** The app's state now, with the keychain probed again (it may have been unlocked since). */
  info(options?: { probeKeychain?: boolean }): Promise<AppInfo>;
  /** Opens an external link after the user confirmed (Electron: shell.openExternal). */
  openExternal?: (url: string) => Promise<boolean>;
}

export function appHandlers(deps: AppHandlerDeps): DomainHandlers<'app'> {
  return {
    getAppInfo: () => deps.info({ probeKeychain: true }),
    setOffline: async (req) => {
      deps.settings.set('offline', req.offline);
      return deps.info();
    },
    openExternal: async (req) => {
      let url: URL;
      try {
        url = new URL(req.url);
      } catch {
        return { opened: false };
      }
      if (url.protocol !== 'https:' || !deps.openExternal) return { opened: false };
      return { opened: await deps.openExternal(url.href) };
    },
  };
}
