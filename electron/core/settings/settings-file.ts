// Reads the settings file before a backend (conf or electron-store) opens it: migrates an older
// version, completes missing fields, and moves a broken file aside as
// `<file>.corrupt-<timestamp>.json` with a notice naming the backup. Never a silent wipe.
import { existsSync, readFileSync, renameSync } from 'node:fs';
import { migrateSettings, isRecord } from './migrations';
import { defaultSettings, settingsSchema, SETTINGS_VERSION, type Settings } from './schema';
import { salvageSettings } from './salvage';

export interface LoadedSettings {
  settings: Settings;
  notices: string[];
  /** True when the file should be (re)written: missing, migrated, or completed with defaults. */
  rewrite: boolean;
}

type Verdict = { ok: true; settings: Settings; rewrite: boolean } | { ok: false; why: string };

function readIfPresent(filePath: string): string | undefined {
  try {
    return readFileSync(filePath, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    if (code === 'EISDIR') {
      throw new SettingsFileError(`Enclave's settings file ${filePath} is a folder, not a file. Move or rename that folder, then start Enclave again.`, { cause: err });
    }
    if (code === 'EACCES' || code === 'EPERM') {
      throw new SettingsFileError(`Enclave may not read its settings file ${filePath}. Give your user read and write access to it, then start Enclave again.`, { cause: err });
    }
    throw err;
  }
}

/** The settings file cannot be used at all (a folder in its place, no permission): start-up stops with this. */
export class SettingsFileError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'SettingsFileError';
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function judge(text: string): Verdict {
  const parsed = parseJson(text);
  if (parsed === undefined) return { ok: false, why: 'it is not valid JSON' };
  if (!isRecord(parsed)) return { ok: false, why: 'it does not hold a settings object' };
  const migration = migrateSettings(parsed, SETTINGS_VERSION);
  switch (migration.kind) {
    case 'too-new':
      return { ok: false, why: `it was written by a newer version of Enclave (settings version ${migration.version})` };
    case 'unknown-version':
      return { ok: false, why: 'it has no settings version this Enclave knows' };
    case 'current':
    case 'migrated': {
      const result = settingsSchema.safeParse(migration.raw);
      if (!result.success) {
        const issue = result.error.issues[0];
        const where = issue && issue.path.length > 0 ? `"${issue.path.join('.')}"` : 'a value';
        return { ok: false, why: `${where} is not valid (${issue?.message ?? 'schema mismatch'})` };
      }
      const completed = JSON.stringify(result.data) !== JSON.stringify(migration.raw);
      return { ok: true, settings: result.data, rewrite: migration.kind === 'migrated' || completed };
    }
    default: {
      const unreachable: never = migration;
      return unreachable;
    }
  }
}

function timestamp(at: number): string {
  // ISO without ':' so the name is valid on Windows too.
  return new Date(at).toISOString().replace(/[:.]/g, '-');
}

/** Renames the file aside and returns the backup path (never overwrites an earlier backup). */
export function moveAside(filePath: string, at: number): string {
  const base = `${filePath}.corrupt-${timestamp(at)}`;
  let backup = `${base}.json`;
  for (let n = 1; existsSync(backup); n++) backup = `${base}-${n}.json`;
  renameSync(filePath, backup);
  return backup;
}

export function loadSettingsFile(filePath: string, now: () => number = Date.now): LoadedSettings {
  const text = readIfPresent(filePath);
  if (text === undefined) return { settings: defaultSettings(), notices: [], rewrite: true };
  const verdict = judge(text);
  if (verdict.ok) return { settings: verdict.settings, notices: [], rewrite: verdict.rewrite };
  const backup = moveAside(filePath, now());
  const salvaged = salvageSettings(parseJson(text));
  const kept = salvaged.settings.connections.length;
  const keptText = kept > 0 ? ` Everything that still validates was kept, including ${kept} connection${kept > 1 ? 's' : ''}` : ' Everything that still validates was kept';
  const asideText = salvaged.setAside.length > 0 ? `; set aside: ${salvaged.setAside.join(', ')}.` : '.';
  return {
    settings: salvaged.settings,
    notices: [`Your settings file could not be used as it was because ${verdict.why}.${keptText}${asideText} The old file was kept at ${backup}.`],
    rewrite: true,
  };
}
