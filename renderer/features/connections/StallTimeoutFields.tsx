// How long this connection may take to start a reply and may pause inside one. Empty fields use
// the local or remote default, shown as the placeholder.
import { STALL_DEFAULTS } from '../../../shared/stall-timeouts';

export interface StallSecondsText {
  firstByte: string;
  stall: string;
}

export function StallTimeoutFields(props: { local: boolean; value: StallSecondsText; onChange: (v: StallSecondsText) => void }) {
  const defaults = STALL_DEFAULTS[props.local ? 'local' : 'remote'];
  const where = props.local ? 'local server' : 'remote service';
  return (
    <fieldset className="stall-timeouts">
      <legend>Waiting limits (seconds)</legend>
      <SecondsField
        label="Wait for the first token"
        value={props.value.firstByte}
        placeholderMs={defaults.firstByteTimeoutMs}
        onChange={(firstByte) => props.onChange({ ...props.value, firstByte })}
      />
      <SecondsField
        label="Wait when a reply pauses"
        value={props.value.stall}
        placeholderMs={defaults.stallTimeoutMs}
        onChange={(stall) => props.onChange({ ...props.value, stall })}
      />
      <span className="muted small">
        Empty: the default for a {where} ({defaults.firstByteTimeoutMs / 1000} s to start, {defaults.stallTimeoutMs / 1000} s of silence). From 1 s to 30 minutes.
      </span>
    </fieldset>
  );
}

function SecondsField(props: { label: string; value: string; placeholderMs: number; onChange: (text: string) => void }) {
  return (
    <label>
      {props.label}
      <input inputMode="decimal" value={props.value} placeholder={String(props.placeholderMs / 1000)} onChange={(e) => props.onChange(e.target.value)} />
    </label>
  );
}
