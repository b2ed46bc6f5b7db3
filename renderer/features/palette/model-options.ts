// The model picker's list: favourites first, then recent models, then every connection's
// models, filtered by what the user typed. Pure, so the picker only renders.
import { lookupModel } from '../../../shared/catalog';
import type { ConnectionView, ModelInfo, ModelRef } from '../../../shared/types';

export interface ModelOption {
  /** Unique within the list (a favourite also appears under its connection). */
  key: string;
  ref: ModelRef;
  label: string;
  connectionName: string;
  local: boolean;
  disabled: boolean;
  /** Why a disabled option cannot be chosen, in a few words ("offline", "local-only chat"). */
  disabledReason?: string;
  favorite: boolean;
  contextWindow?: number;
  inputPerMTok?: number;
  outputPerMTok?: number;
  vision?: boolean;
}

export interface ModelSection {
  id: string;
  label: string;
  options: ModelOption[];
}

export interface OptionsInput {
  connections: readonly ConnectionView[];
  models: Readonly<Record<string, { models: ModelInfo[] } | undefined>>;
  favorites: readonly ModelRef[];
  recent: readonly ModelRef[];
  /** Set while remote models cannot be used (offline, or a local-only conversation): the reason. */
  remoteUnavailable?: string;
  query: string;
}

const refKey = (r: ModelRef) => `${r.connectionId}\u0000${r.modelId}`;

function optionFor(conn: ConnectionView, m: ModelInfo, favorite: boolean, remoteUnavailable: string | undefined): Omit<ModelOption, 'key'> {
  const cat = lookupModel(conn.kind, m.id, {}, { local: conn.local });
  const contextWindow = m.contextWindow ?? cat?.contextWindow;
  const vision = m.vision ?? cat?.vision;
  return {
    ref: { connectionId: conn.id, modelId: m.id },
    label: m.label ?? m.id,
    connectionName: conn.name,
    local: conn.local,
    disabled: !!remoteUnavailable && !conn.local,
    ...(remoteUnavailable && !conn.local ? { disabledReason: remoteUnavailable } : {}),
    favorite,
    ...(contextWindow !== undefined ? { contextWindow } : {}),
    ...(cat ? { inputPerMTok: cat.inputPerMTok, outputPerMTok: cat.outputPerMTok } : {}),
    ...(vision !== undefined ? { vision } : {}),
  };
}

function matches(o: Omit<ModelOption, 'key'>, words: string[]): boolean {
  const hay = `${o.label} ${o.ref.modelId} ${o.connectionName} ${o.local ? 'local' : 'remote'}`.toLowerCase();
  return words.every((w) => hay.includes(w));
}

export function modelSections(input: OptionsInput): ModelSection[] {
  const words = input.query.toLowerCase().split(/\s+/).filter(Boolean);
  const favoriteKeys = new Set(input.favorites.map(refKey));
  const all = new Map<string, Omit<ModelOption, 'key'>>();
  const byConnection: ModelSection[] = [];
  for (const conn of input.connections) {
    const options: ModelOption[] = [];
    for (const m of input.models[conn.id]?.models ?? []) {
      const o = optionFor(conn, m, favoriteKeys.has(refKey({ connectionId: conn.id, modelId: m.id })), input.remoteUnavailable);
      all.set(refKey(o.ref), o);
      if (matches(o, words)) options.push({ ...o, key: `c:${refKey(o.ref)}` });
    }
    if (options.length > 0) byConnection.push({ id: `conn:${conn.id}`, label: `${conn.name}${conn.local ? ' · local' : ''}`, options });
  }
  const pick = (refs: readonly ModelRef[], prefix: string, skip: Set<string>) =>
    refs
      .map((r) => all.get(refKey(r)))
      .filter((o): o is Omit<ModelOption, 'key'> => !!o && !skip.has(refKey(o.ref)) && matches(o, words))
      .map((o) => ({ ...o, key: `${prefix}:${refKey(o.ref)}` }));
  const favorites = pick(input.favorites, 'f', new Set());
  const recent = pick(input.recent, 'r', favoriteKeys).slice(0, 5);
  return [
    ...(favorites.length ? [{ id: 'favorites', label: 'Favourites', options: favorites }] : []),
    ...(recent.length ? [{ id: 'recent', label: 'Recent', options: recent }] : []),
    ...byConnection,
  ];
}

export function formatContext(tokens: number): string {
  return tokens >= 1_000_000 ? `${+(tokens / 1_000_000).toFixed(1)}M ctx` : `${Math.round(tokens / 1000)}k ctx`;
}

export function formatPrice(input: number, output: number): string {
  if (input === 0 && output === 0) return 'free';
  const usd = (n: number) => `$${n < 1 ? +n.toFixed(3) : +n.toFixed(2)}`;
  return `${usd(input)} / ${usd(output)} per M`;
}
