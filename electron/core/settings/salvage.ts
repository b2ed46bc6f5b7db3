// Keeps what still validates from a settings file that as a whole does not (a bad value, an
// unknown version, a hand edit gone wrong): field by field, and connection by connection, so one
// broken entry never costs the user every connection. Privacy switches that cannot be read fall
// back to their strict value: a damaged file may narrow what leaves the machine, never widen it.
import { isRecord } from './migrations';
import { defaultSettings, settingsSchema, type Settings, type SettingsKey } from './schema';

export interface Salvaged {
  settings: Settings;
  /** Human phrases naming what was set aside ("the connection \"Groq\" (its address is not valid)"). */
  setAside: string[];
}

/** Stored switches where the default is the looser choice; unreadable means "on". */
const STRICT_WHEN_UNREADABLE: Partial<Record<SettingsKey, true>> = { offline: true, defaultLocalOnly: true };

type Shape = typeof settingsSchema.shape;

function parseField<K extends SettingsKey>(key: K, value: unknown): { ok: true; value: Settings[K] } | { ok: false } {
  const result = (settingsSchema.shape as Shape)[key].safeParse(value);
  return result.success ? { ok: true, value: result.data as Settings[K] } : { ok: false };
}

function salvageConnections(raw: unknown, setAside: string[]): Settings['connections'] {
  if (!Array.isArray(raw)) {
    if (raw !== undefined) setAside.push('the connection list (it is not a list)');
    return [];
  }
  const kept: Settings['connections'] = [];
  for (const entry of raw) {
    const label = isRecord(entry) && typeof entry.name === 'string' ? `the connection "${entry.name.slice(0, 80)}"` : 'a connection';
    const one = parseField('connections', [entry]);
    if (!one.ok) {
      setAside.push(`${label} (it is not valid)`);
      continue;
    }
    const conn = one.value[0]!;
    if (kept.some((c) => c.id === conn.id)) {
      setAside.push(`${label} (its id repeats an earlier connection)`);
      continue;
    }
    kept.push(conn);
  }
  return kept;
}

function salvageRecord<K extends 'keyHints' | 'modelCache' | 'catalogOverrides'>(key: K, raw: unknown): Settings[K] {
  if (!isRecord(raw)) return defaultSettings()[key];
  const kept: Record<string, unknown> = {};
  for (const [id, value] of Object.entries(raw)) {
    const one = parseField(key, { [id]: value });
    if (one.ok) Object.assign(kept, one.value);
  }
  return kept as Settings[K];
}

export function salvageSettings(raw: unknown): Salvaged {
  const settings = defaultSettings();
  const setAside: string[] = [];
  if (!isRecord(raw)) return { settings, setAside };
  const target = settings as Record<string, unknown>;
  for (const key of Object.keys(settingsSchema.shape) as SettingsKey[]) {
    if (key === 'version' || !(key in raw)) continue;
    if (key === 'connections') {
      target[key] = salvageConnections(raw[key], setAside);
    } else if (key === 'keyHints' || key === 'modelCache' || key === 'catalogOverrides') {
      target[key] = salvageRecord(key, raw[key]);
    } else {
      const one = parseField(key, raw[key]);
      if (one.ok) target[key] = one.value;
      else if (STRICT_WHEN_UNREADABLE[key]) {
        target[key] = true;
        setAside.push(`"${key}" (unreadable, so it was turned on to be safe)`);
      } else setAside.push(`"${key}"`);
    }
  }
  return { settings: settingsSchema.parse(settings), setAside };
}
