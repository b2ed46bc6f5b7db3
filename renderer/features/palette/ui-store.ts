// Which keyboard-first overlays are open: the palette, the shortcuts sheet, the model picker.
// Kept apart so the palette can open the picker without the two knowing each other.
import { create } from 'zustand';

export type Overlay = 'palette' | 'shortcuts' | 'picker';

interface OverlaysState {
  open?: Overlay;
  show(overlay: Overlay): void;
  close(overlay?: Overlay): void;
}

export const useOverlays = create<OverlaysState>((set, get) => ({
  show: (overlay) => set({ open: overlay }),
  close(overlay) {
    if (!overlay || get().open === overlay) set({ open: undefined });
  },
}));
