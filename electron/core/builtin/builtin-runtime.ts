// The running core's built-in engine and model library, for the provider adapter, which (like
// every adapter) is a plain object chosen by kind. createCore sets it; close() clears it.
import type { LlamaEngine } from './llama-engine';
import type { ModelLibrary } from './model-library';

export interface BuiltinRuntime {
  engine: LlamaEngine;
  library: ModelLibrary;
}

let current: BuiltinRuntime | undefined;

export function setBuiltinRuntime(runtime: BuiltinRuntime): void {
  current = runtime;
}

/** Forgets `runtime` if it is still the current one (another core may have replaced it). */
export function clearBuiltinRuntime(runtime: BuiltinRuntime): void {
  if (current === runtime) current = undefined;
}

export function builtinRuntime(): BuiltinRuntime {
  if (!current) throw new Error('The built-in engine is not running.');
  return current;
}
