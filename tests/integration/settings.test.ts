// Settings on a real file through conf: defaults, validation before writing, a broken or
// hand-edited file moved aside (never silently wiped), and migration of an older version.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createConfSettings } from '../../electron/core/settings/conf-settings';
import { defaultSettings, SETTINGS_VERSION, type Settings } from '../../electron/core/settings/schema';
import { SettingsError } from '../../electron/core/settings/settings-error';

let dir: string;
const file = () => join(dir, 'settings.json');
const onDisk = (): unknown => JSON.parse(readFileSync(file(), 'utf8'));
const backups = () => readdirSync(dir).filter((f) => f.includes('.corrupt-'));
const AT = Date.UTC(2025, 0, 2, 3, 4, 5, 6);

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'enclave-settings-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('settings store', () => {
  it('starts from defaults and writes them', () => {
    const settings = createConfSettings({ cwd: dir });
    expect(settings.all()).toEqual(defaultSettings());
    expect(settings.get('theme')).toBe('system');
    expect(settings.get('offline')).toBe(false);
    expect(settings.notices).toEqual([]);
    expect(onDisk()).toEqual(defaultSettings());
  });

  it('keeps what was set across a restart', () => {
    const first = createConfSettings({ cwd: dir });
    first.set('theme', 'dark');
    first.set('favorites', [{ connectionId: 'c1', modelId: 'llama3.2:latest' }]);
    first.set('catalogOverrides', { 'gpt-4.1': { inputPerMTok: 2, outputPerMTok: 8 } });
    const second = createConfSettings({ cwd: dir });
    expect(second.get('theme')).toBe('dark');
    expect(second.get('favorites')).toEqual([{ connectionId: 'c1', modelId: 'llama3.2:latest' }]);
    expect(second.get('catalogOverrides')).toEqual({ 'gpt-4.1': { inputPerMTok: 2, outputPerMTok: 8 } });
    expect(second.notices).toEqual([]);
  });

  it('hands out copies, so editing a result changes nothing', () => {
    const settings = createConfSettings({ cwd: dir });
    settings.get('favorites').push({ connectionId: 'c1', modelId: 'm' });
    expect(settings.get('favorites')).toEqual([]);
  });

  it('refuses an invalid value before writing anything', () => {
    const settings = createConfSettings({ cwd: dir });
    const before = readFileSync(file(), 'utf8');
    const bad = () => settings.set('theme', 'purple' as Settings['theme']);
    expect(bad).toThrow(SettingsError);
    expect(bad).toThrow(/theme/);
    const badRegex = () => settings.set('sensitive', { disabled: [], custom: [{ label: 'Ticket', pattern: '([a-z', isRegex: true }] });
    expect(badRegex).toThrow(expect.objectContaining({ kind: 'invalid-setting', key: 'sensitive' }));
    expect(() => settings.set('version', 1 as typeof SETTINGS_VERSION)).toThrow(expect.objectContaining({ kind: 'unknown-setting' }));
    expect(readFileSync(file(), 'utf8')).toBe(before);
    expect(settings.get('theme')).toBe('system');
  });

  it('completes a file that lacks newer fields without a notice', () => {
    writeFileSync(file(), JSON.stringify({ version: SETTINGS_VERSION, theme: 'light' }));
    const settings = createConfSettings({ cwd: dir });
    expect(settings.get('theme')).toBe('light');
    expect(settings.get('presets')).toEqual([]);
    expect(settings.notices).toEqual([]);
    expect(backups()).toEqual([]);
  });
});

describe('a settings file that cannot be used', () => {
  it('moves a corrupt file aside, restores defaults and names the backup', () => {
    writeFileSync(file(), '{"version": 2, "theme": "dark",');
    const settings = createConfSettings({ cwd: dir, now: () => AT });
    const backup = join(dir, 'settings.json.corrupt-2025-01-02T03-04-05-006Z.json');
    expect(backups()).toEqual(['settings.json.corrupt-2025-01-02T03-04-05-006Z.json']);
    expect(readFileSync(backup, 'utf8')).toBe('{"version": 2, "theme": "dark",');
    expect(settings.all()).toEqual(defaultSettings());
    expect(settings.notices).toHaveLength(1);
    expect(settings.notices[0]).toContain(backup);
    expect(settings.notices[0]).toContain('not valid JSON');
    expect(onDisk()).toEqual(defaultSettings());
  });

  it('moves a hand-edited file with an invalid value aside, keeping the values that still validate', () => {
    const edited = JSON.stringify({ ...defaultSettings(), theme: 'solarized', offline: true });
    writeFileSync(file(), edited);
    const settings = createConfSettings({ cwd: dir, now: () => AT });
    expect(settings.get('offline')).toBe(true);
    expect(settings.get('theme')).toBe('system');
    expect(settings.notices[0]).toMatch(/"theme" is not valid/);
    expect(readFileSync(join(dir, backups()[0] ?? ''), 'utf8')).toBe(edited);
  });

  it('moves aside a file with an unknown (misspelled) key rather than dropping it', () => {
    writeFileSync(file(), JSON.stringify({ version: SETTINGS_VERSION, them: 'dark' }));
    const settings = createConfSettings({ cwd: dir, now: () => AT });
    expect(settings.notices).toHaveLength(1);
    expect(backups()).toHaveLength(1);
  });

  it('keeps earlier backups when it happens twice in the same millisecond', () => {
    writeFileSync(file(), 'not json');
    createConfSettings({ cwd: dir, now: () => AT });
    writeFileSync(file(), 'still not json');
    const second = createConfSettings({ cwd: dir, now: () => AT });
    expect(backups().sort()).toEqual(['settings.json.corrupt-2025-01-02T03-04-05-006Z-1.json', 'settings.json.corrupt-2025-01-02T03-04-05-006Z.json']);
    expect(second.notices[0]).toContain('-1.json');
  });

  it('keeps a file written by a newer Enclave instead of overwriting it', () => {
    const newer = JSON.stringify({ version: SETTINGS_VERSION + 1, theme: 'dark' });
    writeFileSync(file(), newer);
    const settings = createConfSettings({ cwd: dir, now: () => AT });
    expect(settings.notices[0]).toMatch(/newer version of Enclave/);
    expect(readFileSync(join(dir, backups()[0] ?? ''), 'utf8')).toBe(newer);
    expect(onDisk()).toEqual({ ...defaultSettings(), theme: 'dark' });
  });
});

describe('migration', () => {
  it('brings a version 1 file up to date and keeps the user’s choices', () => {
    writeFileSync(
      file(),
      JSON.stringify({
        version: 1,
        theme: 'auto',
        offline: true,
        disabledDetectors: ['email', 'iban'],
        favorites: [{ connectionId: 'c1', modelId: 'gpt-4o' }],
      }),
    );
    const settings = createConfSettings({ cwd: dir });
    expect(settings.notices).toEqual([]);
    expect(settings.get('version')).toBe(SETTINGS_VERSION);
    expect(settings.get('theme')).toBe('system');
    expect(settings.get('offline')).toBe(true);
    expect(settings.get('sensitive')).toEqual({ disabled: ['email', 'iban'], custom: [] });
    expect(settings.get('favorites')).toEqual([{ connectionId: 'c1', modelId: 'gpt-4o' }]);
    expect(onDisk()).toMatchObject({ version: SETTINGS_VERSION, theme: 'system' });
    expect(onDisk()).not.toHaveProperty('disabledDetectors');
    expect(backups()).toEqual([]);
  });
});
