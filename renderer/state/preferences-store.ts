// The user's preferences (theme, presets, favourite and recent models), loaded once and
// written through updatePreferences; the engine's answer replaces the local copy.
import { create } from 'zustand';
import type { CallRequest } from '../../shared/contract';
import type { ModelRef, Preferences } from '../../shared/types';
import { call, errorMessage } from '../bridge/api';
import { useApp } from './app-store';

export type PreferencesPatch = CallRequest<'updatePreferences'>;

const RECENT_LIMIT = 8;

interface PreferencesState {
  prefs?: Preferences;
  error?: string;
  load(): Promise<void>;
  update(patch: PreferencesPatch): Promise<boolean>;
  toggleFavorite(ref: ModelRef): Promise<void>;
  recordRecent(ref: ModelRef): Promise<void>;
}

/** Stable empty lists for selectors: a fresh `[]` per call would re-render forever. */
export const NO_MODELS: readonly ModelRef[] = [];
export const NO_PRESETS: Preferences['presets'] = [];

export const sameModel = (a: ModelRef, b: ModelRef) => a.connectionId === b.connectionId && a.modelId === b.modelId;

export const usePreferences = create<PreferencesState>((set, get) => ({
  async load() {
    try {
      set({ prefs: await call('getPreferences', {}), error: undefined });
    } catch (err) {
      set({ error: errorMessage(err) });
    }
  },
  async update(patch) {
    try {
      set({ prefs: await call('updatePreferences', patch) });
      return true;
    } catch (err) {
      useApp.getState().toast(`Could not save: ${errorMessage(err)}`);
      return false;
    }
  },
  async toggleFavorite(ref) {
    const favorites = get().prefs?.favorites ?? [];
    const next = favorites.some((f) => sameModel(f, ref)) ? favorites.filter((f) => !sameModel(f, ref)) : [...favorites, ref];
    await get().update({ favorites: next });
  },
  async recordRecent(ref) {
    const recent = get().prefs?.recentModels ?? [];
    if (recent[0] && sameModel(recent[0], ref)) return;
    await get().update({ recentModels: [ref, ...recent.filter((r) => !sameModel(r, ref))].slice(0, RECENT_LIMIT) });
  },
}));
