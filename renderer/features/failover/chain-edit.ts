// Pure edits of a fallback chain: the renderer's dialog only renders these.
import type { ModelRef } from '../../../shared/types';

export const MAX_FALLBACKS = 5;

export const sameRef = (a: ModelRef, b: ModelRef) => a.connectionId === b.connectionId && a.modelId === b.modelId;

export function addToChain(chain: readonly ModelRef[], ref: ModelRef): ModelRef[] {
  if (chain.length >= MAX_FALLBACKS || chain.some((r) => sameRef(r, ref))) return [...chain];
  return [...chain, ref];
}

export function moveInChain(chain: readonly ModelRef[], index: number, by: -1 | 1): ModelRef[] {
  const to = index + by;
  if (index < 0 || index >= chain.length || to < 0 || to >= chain.length) return [...chain];
  const next = [...chain];
  [next[index], next[to]] = [next[to]!, next[index]!];
  return next;
}

export function removeFromChain(chain: readonly ModelRef[], index: number): ModelRef[] {
  return chain.filter((_, i) => i !== index);
}
