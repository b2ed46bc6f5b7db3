import { usePreferences } from '../../state/preferences-store';
import { ShortcutsList } from '../palette/ShortcutsList';
import { ThemeChoice } from '../theme/ThemeChoice';
import { PresetsSection } from './PresetsSection';
import '../palette/palette.css';
import './settings.css';

export function SettingsScreen() {
  const prefs = usePreferences((s) => s.prefs);
  const error = usePreferences((s) => s.error);
  const update = usePreferences((s) => s.update);
  const load = usePreferences((s) => s.load);

  if (!prefs) {
    return (
      <div className="screen settings">
        <h1>Settings</h1>
        {error ? (
          <div className="error-notice" role="alert">
            <strong>Settings could not be loaded: {error}</strong>{' '}
            <button type="button" onClick={() => void load()}>
              Try again
            </button>
          </div>
        ) : (
          <p className="muted" role="status">
            Loading settings…
          </p>
        )}
      </div>
    );
  }

  return (
    <div className="screen settings">
      <h1>Settings</h1>
      <section className="settings-section" aria-labelledby="appearance-title">
        <h2 id="appearance-title">Appearance</h2>
        <ThemeChoice />
      </section>
      <section className="settings-section" aria-labelledby="privacy-defaults-title">
        <h2 id="privacy-defaults-title">New conversations</h2>
        <label className="check-row">
          <input type="checkbox" checked={prefs.defaultLocalOnly} onChange={(e) => void update({ defaultLocalOnly: e.target.checked })} />
          <span>
            Lock new conversations to local models
            <span className="muted small block">Nothing in them can be sent to a remote provider until you unlock the conversation.</span>
          </span>
        </label>
      </section>
      <PresetsSection presets={prefs.presets} />
      <section className="settings-section" aria-labelledby="keys-title">
        <h2 id="keys-title">Keyboard shortcuts</h2>
        <ShortcutsList />
      </section>
    </div>
  );
}
