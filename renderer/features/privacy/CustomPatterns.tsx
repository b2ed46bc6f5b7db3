// The user's own words and regular expressions for the sensitive-data check.
import { useState } from 'react';
import { compileSafely } from '../../../shared/sensitive/detect-custom';
import { usePreferences } from '../../state/preferences-store';

export function CustomPatterns() {
  const sensitive = usePreferences((s) => s.prefs?.sensitive);
  const update = usePreferences((s) => s.update);
  const [label, setLabel] = useState('');
  const [pattern, setPattern] = useState('');
  const [isRegex, setIsRegex] = useState(false);
  const [error, setError] = useState<string>();
  if (!sensitive) return null;

  const add = () => {
    const p = pattern.trim();
    if (!p) return setError('Type a word or a pattern first.');
    if (isRegex && !compileSafely(p)) return setError('That regular expression is invalid or could take too long to run; it was not added.');
    setError(undefined);
    void update({ sensitive: { ...sensitive, custom: [...sensitive.custom, { label: label.trim() || p, pattern: p, isRegex }] } });
    setLabel('');
    setPattern('');
    setIsRegex(false);
  };
  const remove = (index: number) => void update({ sensitive: { ...sensitive, custom: sensitive.custom.filter((_, i) => i !== index) } });

  return (
    <div className="custom-patterns">
      <h3>Your own words and patterns</h3>
      {sensitive.custom.length === 0 ? (
        <p className="muted small">None yet. Add a project code name, a client, a street: anything that should not leave unnoticed.</p>
      ) : (
        <ul>
          {sensitive.custom.map((c, i) => (
            <li key={`${c.pattern}-${i}`}>
              <span className="cat-dot cat-custom" aria-hidden />
              <strong>{c.label}</strong> <code>{c.isRegex ? `/${c.pattern}/` : c.pattern}</code>
              <button type="button" className="ghost" aria-label={`Remove ${c.label}`} onClick={() => remove(i)}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        className="custom-add"
        aria-label="Add a word or pattern"
        onSubmit={(e) => {
          e.preventDefault();
          add();
        }}
      >
        <input aria-label="Label" placeholder="Label (optional)" value={label} maxLength={100} onChange={(e) => setLabel(e.target.value)} />
        <input aria-label="Word or pattern" placeholder="Word or pattern" value={pattern} maxLength={1000} onChange={(e) => setPattern(e.target.value)} />
        <label className="switch-row">
          <input type="checkbox" checked={isRegex} onChange={(e) => setIsRegex(e.target.checked)} /> Regular expression
        </label>
        <button type="submit">Add</button>
      </form>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
