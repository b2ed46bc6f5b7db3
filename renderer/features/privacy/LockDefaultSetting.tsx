// The default for new conversations: locked to local models or not.
import { usePreferences } from '../../state/preferences-store';

export function LockDefaultSetting() {
  const prefs = usePreferences((s) => s.prefs);
  const update = usePreferences((s) => s.update);
  return (
    <section className="card" aria-labelledby="lock-default-title">
      <h2 id="lock-default-title">Local-only conversations</h2>
      <label className="switch-row">
        <input
          type="checkbox"
          role="switch"
          checked={prefs?.defaultLocalOnly ?? false}
          disabled={!prefs}
          aria-checked={prefs?.defaultLocalOnly ?? false}
          onChange={(e) => void update({ defaultLocalOnly: e.target.checked })}
        />
        <span>Lock new conversations to local models</span>
      </label>
      <p className="muted small">
        A locked conversation can only use models on this machine. Enclave itself refuses to send it anywhere else, whatever is picked. Each conversation also has its own lock in
        the chat header.
      </p>
    </section>
  );
}
