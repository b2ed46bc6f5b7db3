// Which kinds of sensitive data the send check looks for, and the user's own words and patterns.
import { SENSITIVE_CATEGORIES } from '../../../shared/sensitive/categories';
import { usePreferences } from '../../state/preferences-store';
import { CustomPatterns } from './CustomPatterns';

export function SensitiveSettings() {
  const prefs = usePreferences((s) => s.prefs);
  const prefsError = usePreferences((s) => s.error);
  const update = usePreferences((s) => s.update);
  const sensitive = prefs?.sensitive;

  const toggle = (id: string, on: boolean) => {
    if (!sensitive) return;
    const disabled = on ? sensitive.disabled.filter((d) => d !== id) : [...sensitive.disabled, id];
    void update({ sensitive: { ...sensitive, disabled } });
  };

  return (
    <section className="card sensitive-settings" aria-labelledby="sensitive-title">
      <h2 id="sensitive-title">Sensitive-data check</h2>
      <p className="muted small">
        Before a message goes to a remote model, Enclave looks for these on your computer and asks you first. Local models are not checked: nothing leaves the machine.
      </p>
      {prefsError && (
        <p className="error-text" role="alert">
          {prefsError}
        </p>
      )}
      {!sensitive && !prefsError && <p className="muted">Loading…</p>}
      {sensitive && (
        <>
          <fieldset className="category-list">
            <legend>Look for</legend>
            {SENSITIVE_CATEGORIES.filter((c) => c.id !== 'custom').map((c) => (
              <label key={c.id} className="switch-row">
                <input type="checkbox" checked={!sensitive.disabled.includes(c.id)} onChange={(e) => toggle(c.id, e.target.checked)} />
                <span className={`cat-dot cat-${c.id}`} aria-hidden />
                {c.label}
              </label>
            ))}
          </fieldset>
          <CustomPatterns />
        </>
      )}
    </section>
  );
}
