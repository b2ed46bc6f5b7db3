// Where the vault keeps what the renderer may know about a key (last 4 characters, when it was
// verified). In memory by default; main passes a settings-backed store so hints survive restarts
// without reading the keychain (and triggering an unlock prompt) just to draw a list.

export interface StoredHint {
  last4: string;
  verifiedAt?: number;
}

export interface HintStore {
  get(id: string): StoredHint | undefined;
  set(id: string, hint: StoredHint): void;
  delete(id: string): void;
}

export function createMemoryHintStore(): HintStore {
  const hints = new Map<string, StoredHint>();
  return {
    get: (id) => {
      const hint = hints.get(id);
      return hint ? { ...hint } : undefined;
    },
    set: (id, hint) => void hints.set(id, { ...hint }),
    delete: (id) => void hints.delete(id),
  };
}

/** The last four characters: enough to tell two keys apart, too few to help guess one. */
export function lastFour(key: string): string {
  return key.slice(-4);
}
