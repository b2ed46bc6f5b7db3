import { usePreferences } from '../../state/preferences-store';
import type { Theme } from './apply-theme';

const OPTIONS: { value: Theme; label: string; hint: string }[] = [
  { value: 'system', label: 'System', hint: 'Follow the operating system' },
  { value: 'light', label: 'Light', hint: 'Dark text on light panels' },
  { value: 'dark', label: 'Dark', hint: 'Light text on dark panels' },
];

export function ThemeChoice() {
  const theme = usePreferences((s) => s.prefs?.theme ?? 'system');
  const update = usePreferences((s) => s.update);
  return (
    <div className="theme-choice" role="radiogroup" aria-label="Theme">
      {OPTIONS.map((o) => (
        <label key={o.value} className={theme === o.value ? 'theme-option selected' : 'theme-option'}>
          <input
            type="radio"
            name="theme"
            value={o.value}
            checked={theme === o.value}
            aria-labelledby={`theme-${o.value}-name`}
            aria-describedby={`theme-${o.value}-hint`}
            onChange={() => void update({ theme: o.value })}
          />
          <span className={`theme-swatch ${o.value}`} aria-hidden />
          <span>
            <strong id={`theme-${o.value}-name`}>{o.label}</strong>
            <span id={`theme-${o.value}-hint`} className="muted small block">
              {o.hint}
            </span>
          </span>
        </label>
      ))}
    </div>
  );
}
