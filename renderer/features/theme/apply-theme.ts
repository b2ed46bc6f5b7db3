// Puts the chosen theme on <html data-theme>; app.css and the code theme key their colours on it
// ('system' leaves the choice to prefers-color-scheme). The last choice is cached locally so a
// reload paints in the right colours before preferences arrive.
import type { Preferences } from '../../../shared/types';

export type Theme = Preferences['theme'];

const CACHE_KEY = 'enclave.theme';

export function applyTheme(theme: Theme): void {
  document.documentElement.dataset.theme = theme;
  try {
    localStorage.setItem(CACHE_KEY, theme);
  } catch {
    // Storage can be unavailable (private mode); the theme still applies for this session.
  }
}

export function applyCachedTheme(): void {
  try {
    const cached = localStorage.getItem(CACHE_KEY);
    if (cached === 'light' || cached === 'dark' || cached === 'system') document.documentElement.dataset.theme = cached;
  } catch {
    // No cache: the preferences load applies the theme a moment later.
  }
}

/** The theme actually showing, for "toggle theme": system resolves through the media query. */
export function effectiveTheme(theme: Theme): 'light' | 'dark' {
  if (theme !== 'system') return theme;
  return window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}
