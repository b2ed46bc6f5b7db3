// Versioned migrations for the settings file, applied in order to the raw JSON before the schema
// sees it. Each step takes version N to N + 1 and must not throw on a file of version N.

type Raw = Record<string, unknown>;

interface Migration {
  from: number;
  up(raw: Raw): Raw;
}

export const isRecord = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);

const MIGRATIONS: Migration[] = [
  {
    // v1 spelled the follow-the-OS theme "auto" and kept disabled sensitive-data detectors in a
    // top-level `disabledDetectors` list; v2 groups them under `sensitive`.
    from: 1,
    up(raw) {
      const { disabledDetectors, ...rest } = raw;
      const sensitive = isRecord(rest.sensitive) ? rest.sensitive : {};
      return {
        ...rest,
        theme: rest.theme === 'auto' ? 'system' : rest.theme,
        sensitive: Array.isArray(disabledDetectors) ? { ...sensitive, disabled: disabledDetectors } : rest.sensitive,
        version: 2,
      };
    },
  },
];

export type MigrationOutcome = { kind: 'current'; raw: Raw } | { kind: 'migrated'; raw: Raw; from: number } | { kind: 'too-new'; version: number } | { kind: 'unknown-version' };

/** Brings a parsed settings object up to `target`, or says why it cannot. */
export function migrateSettings(raw: Raw, target: number): MigrationOutcome {
  const version = raw.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return { kind: 'unknown-version' };
  if (version > target) return { kind: 'too-new', version };
  if (version === target) return { kind: 'current', raw };
  let current = raw;
  for (let v = version; v < target; v++) {
    const step = MIGRATIONS.find((m) => m.from === v);
    if (!step) return { kind: 'unknown-version' };
    current = step.up(current);
  }
  return { kind: 'migrated', raw: current, from: version };
}
