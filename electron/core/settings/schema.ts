// The settings file's schema: the one place that says what a valid settings file is. Small
// things only; conversations live in SQLite. Every field has a default, so a file missing a
// field is completed, while a field of the wrong shape makes the file invalid (moved aside by
// the loader, never silently wiped).
import { z } from 'zod';
import { PROVIDER_KINDS } from '../../../shared/types';
import { STALL_LIMITS } from '../../../shared/stall-timeouts';

export const SETTINGS_VERSION = 2;

const id = z.string().min(1).max(100);
const name = z.string().min(1).max(200);

const httpUrl = z
  .string()
  .max(2000)
  .refine((u) => URL.canParse(u) && ['http:', 'https:'].includes(new URL(u).protocol), 'must be an http(s) URL');

const stallMs = z.number().int().min(STALL_LIMITS.minMs).max(STALL_LIMITS.maxMs);

const modelRef = z.object({ connectionId: id, modelId: z.string().min(1).max(300) });

const connection = z.object({
  id,
  kind: z.enum(PROVIDER_KINDS),
  name,
  baseUrl: httpUrl.optional(),
  local: z.boolean(),
  extraModels: z
    .array(z.string().min(1).max(300))
    .max(200)
    .default(() => []),
  createdAt: z.number().int().nonnegative(),
  firstByteTimeoutMs: stallMs.optional(),
  stallTimeoutMs: stallMs.optional(),
});

const keyHint = z.object({
  last4: z.string().max(4),
  verifiedAt: z.number().int().nonnegative().optional(),
});

const modelInfo = z.object({
  id: z.string().min(1).max(300),
  label: z.string().max(300).optional(),
  contextWindow: z.number().int().positive().optional(),
  vision: z.boolean().optional(),
  reasoning: z.boolean().optional(),
});

const modelCacheEntry = z.object({
  models: z.array(modelInfo).max(5000),
  fetchedAt: z.number().int().nonnegative(),
});

const catalogOverride = z.object({
  inputPerMTok: z.number().nonnegative().optional(),
  outputPerMTok: z.number().nonnegative().optional(),
  contextWindow: z.number().int().positive().optional(),
});

const compiles = (pattern: string): boolean => {
  try {
    new RegExp(pattern, 'u');
    return true;
  } catch {
    return false;
  }
};

const customDetector = z
  .object({ label: name, pattern: z.string().min(1).max(1000), isRegex: z.boolean() })
  .refine((d) => !d.isRegex || compiles(d.pattern), { message: 'pattern is not a valid regular expression', path: ['pattern'] });

const sensitive = z.object({
  disabled: z
    .array(z.string().min(1).max(100))
    .max(200)
    .default(() => []),
  custom: z
    .array(customDetector)
    .max(200)
    .default(() => []),
});

const preset = z.object({
  id,
  name,
  systemPrompt: z.string().max(20_000),
  temperature: z.number().min(0).max(2).optional(),
  maxTokens: z.number().int().positive().max(1_000_000).optional(),
});

const builtinModel = z.object({
  id,
  name: z.string().min(1).max(300),
  path: z.string().min(1).max(4096),
  architecture: z.string().min(1).max(100),
  quantisation: z.string().min(1).max(100),
  contextLength: z.number().int().positive().optional(),
  parameters: z.number().nonnegative(),
  sizeBytes: z.number().nonnegative(),
  ramNeededBytes: z.number().nonnegative(),
  addedAt: z.number().int().nonnegative(),
});

const compareSet = z.object({ id, name, models: z.array(modelRef).min(1).max(8) });

const appLock = z.object({
  verifier: z
    .object({
      kdf: z.literal('scrypt'),
      salt: z.string().min(16).max(200),
      hash: z.string().min(16).max(200),
      // Bounds keep a hand-edited file from asking for gigabytes (or a trivially weak hash).
      N: z
        .number()
        .int()
        .min(2 ** 14)
        .max(2 ** 20),
      r: z.number().int().min(8).max(16),
      p: z.number().int().min(1).max(4),
    })
    .optional(),
  idleMinutes: z
    .number()
    .int()
    .min(0)
    .max(24 * 60)
    .default(15),
});

/** Top level is strict: an unknown key is a hand edit gone wrong (a typo), not something to drop quietly. */
export const settingsSchema = z.strictObject({
  version: z.literal(SETTINGS_VERSION),
  offline: z.boolean().default(false),
  defaultLocalOnly: z.boolean().default(false),
  theme: z.enum(['system', 'light', 'dark']).default('system'),
  connections: z
    .array(connection)
    .max(200)
    .refine((list) => new Set(list.map((c) => c.id)).size === list.length, 'two connections have the same id')
    .default(() => []),
  keyHints: z.record(id, keyHint).default(() => ({})),
  modelCache: z.record(id, modelCacheEntry).default(() => ({})),
  favorites: z
    .array(modelRef)
    .max(500)
    .default(() => []),
  recentModels: z
    .array(modelRef)
    .max(50)
    .default(() => []),
  catalogOverrides: z.record(z.string().min(1).max(300), catalogOverride).default(() => ({})),
  sensitive: sensitive.default(() => ({ disabled: [], custom: [] })),
  presets: z
    .array(preset)
    .max(200)
    .default(() => []),
  compareSets: z
    .array(compareSet)
    .max(100)
    .default(() => []),
  appLock: appLock.default(() => ({ idleMinutes: 15 })),
  builtinModels: z
    .array(builtinModel)
    .max(200)
    .default(() => []),
  /** Where the last export was saved: the save dialog opens there next time. */
  lastExportFolder: z.string().min(1).max(4096).optional(),
});

export type Settings = z.output<typeof settingsSchema>;
export type SettingsKey = keyof Settings;

export function defaultSettings(): Settings {
  return settingsSchema.parse({ version: SETTINGS_VERSION });
}
