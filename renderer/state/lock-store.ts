// The app lock as the window sees it. Any call refused as "locked" flips it, so the window hides
// the conversations even when the core locked by itself (idle) between two polls.
import { create } from 'zustand';
import type { LockState } from '../../shared/contract';

interface LockStore {
  state?: LockState;
  set(state: LockState): void;
  markLocked(): void;
}

export const useLock = create<LockStore>((set) => ({
  set: (state) => set({ state }),
  markLocked: () => set((s) => ({ state: { enabled: true, idleMinutes: s.state?.idleMinutes ?? 15, locked: true } })),
}));
