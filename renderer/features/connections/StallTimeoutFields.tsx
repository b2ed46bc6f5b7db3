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
      <label>
        Wait for the first token
        <input
          inputMode="decimal"
          value={props.value.firstByte}
          placeholder={String(defaults.firstByteTimeoutMs / 1000)}
          onChange={(e) => props.onChange({ ...props.value, firstByte: e.target.value })}
        />
      </label>
      <label>
        Wait when a reply pauses
        <input
          inputMode="decimal"
          value={props.value.stall}
          placeholder={String(defaults.stallTimeoutMs / 1000)}
          onChange={(e) => props.onChange({ ...props.value, stall: e.target.value })}
        />
      </label>
      <span className="muted small">
        Empty: the default for a {where} ({defaults.firstByteTimeoutMs / 1000} s to start, {defaults.stallTimeoutMs / 1000} s
        of silence). From 1 s to 30 minutes.
      </span>
    </fieldset>
  );
}
