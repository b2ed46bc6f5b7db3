// The app as a whole: its version and state, the offline switch, and links opened outside.
import { z } from 'zod';
import { call, empty, text } from './define';

export interface AppInfo {
  version: string;
  demo: boolean;
  offline: boolean;
  keychain: { available: boolean; reason?: string; locked?: boolean };
  dataDir?: string;
  notices: string[];
  /** The conversation database could only be opened read-only (a full disk at start-up). */
  readOnly?: boolean;
  /** Exports ask where to save (Electron's dialog); else they go to the data folder's exports/. */
  saveDialog?: boolean;
  /** How the conversation database is encrypted on disk, and where its key lives (never the key). */
  atRest?: { cipher: string; keySource: 'keychain' | 'passphrase' };
}

export const appCalls = {
  getAppInfo: call<AppInfo>()(empty),
  setOffline: call<AppInfo>()(z.object({ offline: z.boolean() }).strict()),
  openExternal: call<{ opened: boolean }>()(z.object({ url: text(4000) }).strict()),
} as const;
