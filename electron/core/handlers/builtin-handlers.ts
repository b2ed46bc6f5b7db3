// The built-in engine's model files.
import type { BuiltinService } from '../builtin/builtin-service';
import type { DomainHandlers } from '../ipc/handlers';

export function builtinHandlers(builtin: BuiltinService): DomainHandlers<'builtin'> {
  return {
    inspectGguf: (req) => builtin.inspect(req.path),
    addBuiltinModel: (req) => builtin.add(req.path),
    listBuiltinModels: async () => builtin.list(),
    removeBuiltinModel: (req) => builtin.remove(req.id),
  };
}
