// The built-in engine (llama.cpp in a worker thread): no server, no network, no key. Its models
// are the GGUF files the user added; a model id is the library entry's id.
import { createBuiltinLanguageModel } from '../../builtin/builtin-language-model';
import { requireBuiltinRuntime } from '../../builtin/builtin-runtime';
import { UserFacingError } from '../../errors/user-facing-error';
import type { ProviderAdapter } from '../adapter';

export const builtinAdapter: ProviderAdapter = {
  kind: 'builtin',
  createModel({ modelId, builtin }) {
    const { engine, library } = requireBuiltinRuntime(builtin);
    const entry = library.find(modelId);
    if (!entry) {
      throw new UserFacingError({ kind: 'model-not-found', message: 'That built-in model was removed. Add its GGUF file again in Connections, or pick another model.' });
    }
    return createBuiltinLanguageModel(engine, modelId, entry.path);
  },
  async listModels({ builtin }) {
    return requireBuiltinRuntime(builtin)
      .library.list()
      .map((m) => ({ id: m.id, label: `${m.name} (${m.quantisation})`, ...(m.contextLength ? { contextWindow: m.contextLength } : {}) }));
  },
};
