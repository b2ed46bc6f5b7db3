// The edit form's two wait limits are typed in seconds; the connection keeps milliseconds.
import { STALL_LIMITS } from '../../../shared/stall-timeouts';

/** Empty: the default (null). A number of seconds within bounds: milliseconds. Else: the message to show. */
export function parseStallSeconds(label: string, raw: string): { ms: number | null } | { error: string } {
  const text = raw.trim().replace(',', '.');
  if (text === '') return { ms: null };
  const seconds = Number(text);
  const min = STALL_LIMITS.minMs / 1000;
  const max = STALL_LIMITS.maxMs / 1000;
  if (!Number.isFinite(seconds) || seconds < min || seconds > max) {
    return { error: `${label} must be between ${min} and ${max} seconds (30 minutes), or empty for the default.` };
  }
  return { ms: Math.round(seconds * 1000) };
}

export function msToSecondsText(ms: number | undefined): string {
  return ms === undefined ? '' : String(ms / 1000);
}
