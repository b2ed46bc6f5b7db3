// Which preset a conversation uses. Apart from presets.ts, whose JSON import needs zod: the chat
// screen needs only this, and zod stays out of the first chunk.
import type { Preferences } from '../../../shared/types';

export type Preset = Preferences['presets'][number];

/** A conversation "uses" the preset whose system prompt it carries (conversations store only the prompt). */
export function activePreset(presets: readonly Preset[], systemPrompt: string | undefined): Preset | undefined {
  if (!systemPrompt) return undefined;
  return presets.find((p) => p.systemPrompt === systemPrompt);
}
