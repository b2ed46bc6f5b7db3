// The one place a key is typed. Write-only: it is never filled from anything main sends, and the
// forms that use it empty it as soon as main has answered, so nothing in the renderer keeps it.
import { useApp } from '../../state/app-store';

export function KeyField(props: { label: string; value: string; onChange: (v: string) => void; required: boolean; hint: string }) {
  const keychain = useApp((s) => s.info?.keychain);
  const blocked = keychain !== undefined && !keychain.available;
  return (
    <label>
      {props.label}
      <input
        type="password"
        name="api-key"
        autoComplete="off"
        spellCheck={false}
        value={props.value}
        required={props.required && !blocked}
        disabled={blocked}
        placeholder={blocked ? 'No keychain: keys cannot be stored' : undefined}
        onChange={(e) => props.onChange(e.target.value)}
      />
      <span className="muted small">{blocked ? 'Enclave never writes keys to a file. Local models need no key.' : props.hint}</span>
    </label>
  );
}
