import type { ConnectionView, ModelInfo, ModelRef } from '../../../shared/types';

export interface ModelOption extends ModelRef {
  label: string;
  connectionName: string;
  local: boolean;
}

export const refKey = (r: ModelRef) => JSON.stringify([r.connectionId, r.modelId]);

export function parseRefKey(key: string): ModelRef {
  const [connectionId, modelId] = JSON.parse(key) as [string, string];
  return { connectionId, modelId };
}

export function describeRef(ref: ModelRef, connections: readonly ConnectionView[], models: Record<string, { models: ModelInfo[] } | undefined>): ModelOption {
  const conn = connections.find((c) => c.id === ref.connectionId);
  const info = models[ref.connectionId]?.models.find((m) => m.id === ref.modelId);
  return { ...ref, label: info?.label ?? ref.modelId, connectionName: conn?.name ?? 'removed connection', local: conn?.local ?? false };
}
