// Whether the chosen model reads images: the listing's answer first, then the catalog's.
import { lookupModel } from '../../../shared/catalog';
import type { ConnectionView, ModelInfo, ModelRef } from '../../../shared/types';

export function modelVision(
  connections: readonly ConnectionView[],
  models: Readonly<Record<string, { models: ModelInfo[] } | undefined>>,
  ref: ModelRef | undefined,
): boolean | undefined {
  if (!ref) return undefined;
  const conn = connections.find((c) => c.id === ref.connectionId);
  if (!conn) return undefined;
  const listed = models[conn.id]?.models.find((m) => m.id === ref.modelId)?.vision;
  return listed ?? lookupModel(conn.kind, ref.modelId, {}, { local: conn.local })?.vision;
}
