// Time rendering for exports. UTC by default so the same bundle always yields the same
// bytes, whatever the machine's time zone.

/** "2025-01-02 14:03 UTC", or "unknown time" for a value that is not a valid date. */
export function formatUtc(ms: number): string {
  const iso = isoOrNull(ms);
  return iso === null ? 'unknown time' : `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/** ISO 8601 for a `datetime` attribute; null when `ms` is not a representable date. */
export function isoOrNull(ms: number): string | null {
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}
