// The GGUF files the user added to the built-in engine: validated on the way in (a real, readable
// GGUF file llama.cpp can run), remembered in settings by path, never copied.
import { open, stat } from 'node:fs/promises';
import { freemem } from 'node:os';
import { basename, isAbsolute } from 'node:path';
import type { BuiltinModel, GgufReport } from '../../../shared/types';
import { UserFacingError } from '../errors/user-facing-error';
import type { SettingsStore } from '../settings/settings-store';
import type { LlamaEngine } from './llama-engine';

const GGUF_MAGIC = 'GGUF';

const bad = (message: string) => new UserFacingError({ kind: 'bad-request', message });

async function checkFile(path: string): Promise<void> {
  if (!isAbsolute(path)) throw bad('Give the full path of the GGUF file, such as /home/you/models/model.Q4_K_M.gguf.');
  let size: number;
  try {
    const s = await stat(path);
    if (!s.isFile()) throw bad(`${path} is not a file.`);
    size = s.size;
  } catch (err) {
    if (err instanceof UserFacingError) throw err;
    throw bad(`Enclave cannot read ${path}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'there is no such file' : (err as Error).message}.`);
  }
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(8);
    const { bytesRead } = await handle.read(head, 0, 8, 0);
    if (bytesRead < 8 || head.toString('ascii', 0, 4) !== GGUF_MAGIC) {
      throw bad(`${basename(path)} is not a GGUF model file (it does not start with "GGUF"). The built-in engine runs GGUF files only.`);
    }
    const version = head.readUInt32LE(4);
    if (version < 2 || version > 3) throw bad(`${basename(path)} is GGUF version ${version}; the built-in engine reads versions 2 and 3.`);
  } finally {
    await handle.close();
  }
  if (size < 64) throw bad(`${basename(path)} is too small to be a model.`);
}

/** A model id people can read in the picker and in message headers: the file's name, made unique. */
function idFor(path: string, taken: ReadonlySet<string>): string {
  const base =
    basename(path)
      .replace(/\.gguf$/i, '')
      .slice(0, 90) || 'model';
  let id = base;
  for (let n = 2; taken.has(id); n += 1) id = `${base}-${n}`;
  return id;
}

export function createModelLibrary(deps: { settings: SettingsStore; engine: LlamaEngine; now?: () => number }) {
  const now = deps.now ?? Date.now;
  const models = () => deps.settings.get('builtinModels');

  async function inspect(path: string): Promise<GgufReport> {
    await checkFile(path);
    let facts;
    try {
      facts = await deps.engine.inspect(path);
    } catch (err) {
      throw bad(`${basename(path)} could not be read as a model: ${(err as Error).message}`);
    }
    const ramFreeBytes = freemem();
    return {
      path,
      name: facts.name ?? basename(path).replace(/\.gguf$/i, ''),
      architecture: facts.architecture,
      quantisation: facts.quantisation,
      ...(facts.contextLength ? { contextLength: facts.contextLength } : {}),
      contextSize: facts.contextSize,
      parameters: facts.parameters,
      sizeBytes: facts.sizeBytes,
      ramNeededBytes: facts.ramNeededBytes,
      ramFreeBytes,
      fits: facts.ramNeededBytes < ramFreeBytes,
      supported: facts.supported,
    };
  }

  return {
    list: (): BuiltinModel[] => models(),
    find: (id: string): BuiltinModel | undefined => models().find((m) => m.id === id),
    inspect,

    async add(path: string): Promise<BuiltinModel> {
      const existing = models().find((m) => m.path === path);
      if (existing) return existing;
      const report = await inspect(path);
      if (!report.supported) throw bad(`${report.name} uses the "${report.architecture}" architecture, which this version of llama.cpp cannot run.`);
      const { ramFreeBytes: _free, fits: _fits, supported: _supported, contextSize: _ctx, ...facts } = report;
      const model: BuiltinModel = { id: idFor(path, new Set(models().map((m) => m.id))), ...facts, addedAt: now() };
      deps.settings.set('builtinModels', [...models(), model]);
      return model;
    },

    async remove(id: string): Promise<void> {
      const model = models().find((m) => m.id === id);
      if (!model) throw bad('That built-in model is not in the list any more.');
      if (deps.engine.loaded() === model.path) await deps.engine.unload();
      deps.settings.set(
        'builtinModels',
        models().filter((m) => m.id !== id),
      );
    },
  };
}

export type ModelLibrary = ReturnType<typeof createModelLibrary>;
