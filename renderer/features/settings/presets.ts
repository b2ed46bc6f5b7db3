// Presets' JSON form for import and export (which preset a conversation uses: active-preset.ts).
import { z } from 'zod';
import type { Preset } from './active-preset';

export type { Preset } from './active-preset';

const importedPreset = z.object({
  id: z.string().min(1).max(100).optional(),
  name: z.string().trim().min(1).max(100),
  systemPrompt: z.string().max(20_000),
  temperature: z.number().min(0).max(2).optional(),
  maxTokens: z.number().int().positive().max(1_000_000).optional(),
});

const importFile = z.union([z.array(importedPreset), z.object({ presets: z.array(importedPreset) })]);

export type ImportResult = { ok: true; presets: Preset[] } | { ok: false; message: string };

/** Parses a presets file; imported presets get fresh ids unless theirs are new, so nothing is overwritten. */
export function parsePresets(json: string, existing: readonly Preset[], newId: () => string): ImportResult {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return { ok: false, message: 'That file is not JSON.' };
  }
  const parsed = importFile.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, message: `That is not a presets file${issue ? ` (${issue.path.join('.') || 'top level'}: ${issue.message})` : ''}.` };
  }
  const list = Array.isArray(parsed.data) ? parsed.data : parsed.data.presets;
  const taken = new Set(existing.map((p) => p.id));
  return {
    ok: true,
    presets: list.map((p) => {
      const id = p.id && !taken.has(p.id) ? p.id : newId();
      taken.add(id);
      return { ...p, id };
    }),
  };
}

export function presetsToJson(presets: readonly Preset[]): string {
  return JSON.stringify({ presets }, null, 2);
}
