import { create } from 'zustand';
import type { AppInfo } from '../../shared/contract';
import { call, errorMessage } from '../bridge/api';

export type Screen = 'chat' | 'compare' | 'connections' | 'privacy' | 'settings';

interface Toast {
  id: number;
  text: string;
  action?: { label: string; run: () => void };
}

interface AppState {
  info?: AppInfo;
  screen: Screen;
  toasts: Toast[];
  loadInfo(): Promise<void>;
  /** Reads app info again (keychain unlocked since start-up); shows only notices added since the last read. */
  refreshInfo(): Promise<void>;
  setOffline(offline: boolean): Promise<void>;
  show(screen: Screen): void;
  /** Set by "Add a connection" elsewhere: the Connections screen opens with its form. */
  addConnectionRequested: boolean;
  showAddConnection(): void;
  toast(text: string, action?: Toast['action']): void;
  dismiss(id: number): void;
}

let nextToast = 1;

export const useApp = create<AppState>((set, get) => ({
  screen: 'chat',
  toasts: [],
  async loadInfo() {
    try {
      const info = await call('getAppInfo', {});
      set({ info });
      for (const notice of info.notices) get().toast(notice);
    } catch (err) {
      get().toast(errorMessage(err));
    }
  },
  async refreshInfo() {
    try {
      const seen = get().info?.notices.length ?? 0;
      const info = await call('getAppInfo', {});
      set({ info });
      // Core only appends notices (an idle integrity check can add one while the app runs).
      for (const notice of info.notices.slice(seen)) get().toast(notice);
    } catch (err) {
      get().toast(errorMessage(err));
    }
  },
  async setOffline(offline) {
    try {
      set({ info: await call('setOffline', { offline }) });
    } catch (err) {
      get().toast(errorMessage(err));
    }
  },
  show: (screen) => set({ screen }),
  addConnectionRequested: false,
  showAddConnection: () => set({ screen: 'connections', addConnectionRequested: true }),
  toast(text, action) {
    const id = nextToast++;
    set((s) => ({ toasts: [...s.toasts, { id, text, action }] }));
    setTimeout(() => get().dismiss(id), action ? 8000 : 6000);
  },
  dismiss: (id) => set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) })),
}));
