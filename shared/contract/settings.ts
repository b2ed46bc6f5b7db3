// The user's preferences: theme, defaults, sensitive-data rules, presets, compare sets, favourites.
import { z } from 'zod';
import type { Preferences } from '../types';
import { call, empty, id, modelRef, text } from './define';

export const settingsCalls = {
  getPreferences: call<Preferences>()(empty),
  updatePreferences: call<Preferences>()(
    z
      .object({
        theme: z.enum(['system', 'light', 'dark']).optional(),
        defaultLocalOnly: z.boolean().optional(),
        sensitive: z
          .object({
            disabled: z.array(z.string().min(1).max(100)).max(200),
            custom: z.array(z.object({ label: text(100).min(1), pattern: text(1000).min(1), isRegex: z.boolean() }).strict()).max(200),
          })
          .strict()
          .optional(),
        presets: z
          .array(
            z
              .object({
                id,
                name: text(100).min(1),
                systemPrompt: text(20_000),
                temperature: z.number().min(0).max(2).optional(),
                maxTokens: z.number().int().positive().max(1_000_000).optional(),
              })
              .strict(),
          )
          .max(200)
          .optional(),
        compareSets: z
          .array(z.object({ id, name: text(100).min(1), models: z.array(modelRef).min(1).max(8) }).strict())
          .max(100)
          .optional(),
        favorites: z.array(modelRef).max(500).optional(),
        recentModels: z.array(modelRef).max(50).optional(),
      })
      .strict(),
  ),
} as const;
