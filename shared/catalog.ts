// The model catalog: what a model id means (context window, vision, reasoning) and what it
// costs. Providers name one model many ways (dated snapshots, "-latest", "models/..."), so
// lookups strip those decorations down to the family id the tables use.
import { ANTHROPIC_MODELS } from './catalog/anthropic-models';
import { GOOGLE_MODELS } from './catalog/google-models';
import type { CatalogModel, CatalogOverrides } from './catalog/model-price';
import { OPENAI_MODELS } from './catalog/openai-models';
import { DEEPSEEK_MODELS, GROQ_MODELS, MISTRAL_MODELS, XAI_MODELS } from './catalog/other-models';
import type { ProviderKind } from './types';

export type { CatalogModel, CatalogOverride, CatalogOverrides, ModelPrice } from './catalog/model-price';

const TABLES: Partial<Record<ProviderKind, readonly CatalogModel[]>> = {
  openai: OPENAI_MODELS,
  anthropic: ANTHROPIC_MODELS,
  google: GOOGLE_MODELS,
  mistral: MISTRAL_MODELS,
  groq: GROQ_MODELS,
  deepseek: DEEPSEEK_MODELS,
  xai: XAI_MODELS,
};

const INDEX = new Map<string, CatalogModel>();
for (const [kind, models] of Object.entries(TABLES)) {
  for (const m of models ?? []) {
    for (const name of [m.id, ...(m.aliases ?? [])]) INDEX.set(`${kind}\u0000${name}`, m);
  }
}

/** Every catalogued model, for pickers that show models before a listing arrives. */
export function catalogModels(kind: ProviderKind): readonly CatalogModel[] {
  return TABLES[kind] ?? [];
}

/**
 * Snapshot and channel suffixes, stripped one at a time from the end:
 * gpt-4o-2024-08-06, claude-sonnet-4-5-20250929, gemini-2.5-flash-preview-05-20,
 * gemini-2.0-flash-001, mistral-large-2411, grok-4-0709, claude-3-5-sonnet-latest.
 */
const SUFFIXES = [/-\d{4}-\d{2}-\d{2}$/, /-\d{8}$/, /-\d{2}-\d{2}$/, /-\d{3,4}$/, /-(?:latest|preview|exp|experimental|beta)$/, /-v\d+(?::\d+)?$/];

/** The ids to try for a model, most specific first. */
export function familyCandidates(modelId: string): string[] {
  let id = modelId
    .trim()
    .toLowerCase()
    .replace(/^models\//, '');
  const candidates = [id];
  for (let changed = true; changed;) {
    changed = false;
    for (const suffix of SUFFIXES) {
      const stripped = id.replace(suffix, '');
      if (stripped !== id && stripped.length > 0) {
        id = stripped;
        candidates.push(id);
        changed = true;
        break;
      }
    }
  }
  return candidates;
}

export interface LookupContext {
  /** The connection reaches a model on this machine: it costs nothing. */
  local?: boolean;
}

/**
 * Finds a model's capabilities and price. User overrides (keyed by the exact id or its family
 * id) win over the table. Ollama and anything local costs 0. Models reached through an
 * OpenAI-compatible endpoint are priced only by an override: the same name can cost anything
 * on a third-party host.
 */
export function lookupModel(kind: ProviderKind, modelId: string, overrides: CatalogOverrides = {}, context: LookupContext = {}): CatalogModel | undefined {
  const candidates = familyCandidates(modelId);
  const known = candidates.map((id) => INDEX.get(`${kind}\u0000${id}`)).find((m) => m !== undefined);
  const isLocal = context.local ?? kind === 'ollama';
  let model: CatalogModel | undefined = known;
  if (isLocal) {
    model = { kind, label: modelId, ...known, id: known?.id ?? modelId, inputPerMTok: 0, outputPerMTok: 0, cachedInputPerMTok: 0 };
    delete model.longContext;
  }
  const override = [modelId, ...candidates, ...(known ? [known.id] : [])].map((id) => overrides[id]).find((o) => o !== undefined);
  if (!override) return model;
  if (model) return { ...model, ...definedOnly(override) };
  if (override.inputPerMTok === undefined || override.outputPerMTok === undefined) return undefined;
  return { kind, id: modelId, label: modelId, ...definedOnly(override), inputPerMTok: override.inputPerMTok, outputPerMTok: override.outputPerMTok };
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
