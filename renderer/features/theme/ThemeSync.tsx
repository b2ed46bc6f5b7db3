import { useEffect } from 'react';
import { usePreferences } from '../../state/preferences-store';
import { applyCachedTheme, applyTheme } from './apply-theme';

applyCachedTheme();

/** Loads preferences once and keeps <html data-theme> in step with them. Renders nothing. */
export function ThemeSync() {
  const theme = usePreferences((s) => s.prefs?.theme);
  useEffect(() => {
    void usePreferences.getState().load();
  }, []);
  useEffect(() => {
    if (theme) applyTheme(theme);
  }, [theme]);
  return null;
}
