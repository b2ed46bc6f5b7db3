// The built-in engine: GGUF model files on this machine, run by llama.cpp inside Enclave.
import { z } from 'zod';
import type { BuiltinModel, ConnectionView, GgufReport } from '../types';
import { call, empty, id } from './define';

export interface BuiltinModelList {
  models: BuiltinModel[];
  /** Id of the model in memory now, if any. */
  loadedId?: string;
  ramFreeBytes: number;
}

const ggufPath = z
  .string()
  .min(1)
  .max(4096)
  .refine((p) => !p.includes('\0'), 'must not contain NUL');

export const builtinCalls = {
  /** A GGUF file on this machine, by its absolute path. */
  inspectGguf: call<GgufReport>()(z.object({ path: ggufPath }).strict()),
  /** Adds the file to the built-in engine, creating the "Built-in" connection on first use. */
  addBuiltinModel: call<{ model: BuiltinModel; connection: ConnectionView }>()(z.object({ path: ggufPath }).strict()),
  listBuiltinModels: call<BuiltinModelList>()(empty),
  removeBuiltinModel: call<{ removed: true }>()(z.object({ id }).strict()),
} as const;
