// Puts zustand stores back to the state they had when this module first saw them, so one test's
// choices never leak into the next (zustand's own testing advice: keep the initial state, replace).
import type { StoreApi } from 'zustand';

const initial = new Map<StoreApi<unknown>, unknown>();

/** Remembers each store's state now (the first time) and returns a function that restores it. */
export function storeReset(...stores: StoreApi<never>[]): () => void {
  for (const s of stores as unknown as StoreApi<unknown>[]) if (!initial.has(s)) initial.set(s, s.getState());
  return () => {
    for (const s of stores as unknown as StoreApi<unknown>[]) s.setState(initial.get(s), true);
  };
}
