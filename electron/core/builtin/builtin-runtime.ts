// The running core's built-in engine and model library. createCore makes one per engine and hands
// it to the chat and connections services, which pass it to the built-in provider adapter with
// each model or listing request (the adapter, like every adapter, is a plain object chosen by kind).
import type { LlamaEngine } from './llama-engine';
import type { ModelLibrary } from './model-library';

export interface BuiltinRuntime {
  engine: LlamaEngine;
  library: ModelLibrary;
}

export function requireBuiltinRuntime(runtime: BuiltinRuntime | undefined): BuiltinRuntime {
  if (!runtime) throw new Error('The built-in engine is not running.');
  return runtime;
}
