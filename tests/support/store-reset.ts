// Puts zustand stores back to the state they had when this module first saw them, so one test's
// choices never leak into the next (zustand's own testing advice: keep the initial state, replace).

/** The two methods of a zustand store this needs. */
interface ResettableStore {
  getState(): object;
  setState(state: never, replace: true): void;
}

const initial = new Map<ResettableStore, object>();

/** Remembers each store's state now (the first time) and returns a function that restores it. */
export function storeReset(...stores: ResettableStore[]): () => void {
  for (const s of stores) if (!initial.has(s)) initial.set(s, s.getState());
  return () => {
    for (const s of stores) s.setState(initial.get(s) as never, true);
  };
}
