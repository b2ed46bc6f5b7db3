// What may be attached to a message, decided before any file is read. Pure: no DOM, no I/O.

export const ATTACHMENT_LIMITS = {
  imageBytes: 10 * 1024 * 1024,
  textBytes: 1024 * 1024,
  maxFiles: 10,
} as const;

export type AttachmentKind = 'image' | 'text';

/** The parts of a File the rules look at. */
export interface FileFacts {
  name: string;
  type: string;
  size: number;
}

export type Rejection = { name: string; reason: 'too-large' | 'unsupported' | 'too-many'; message: string };

export interface CheckResult<F extends FileFacts> {
  accepted: { file: F; kind: AttachmentKind }[];
  rejected: Rejection[];
}

/** Formats every provider accepts for image input. */
const IMAGE_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);

const TEXT_TYPES = new Set([
  'application/json',
  'application/xml',
  'application/javascript',
  'application/typescript',
  'application/x-sh',
  'application/x-yaml',
  'application/yaml',
  'application/toml',
  'application/sql',
]);

/** Browsers leave `type` empty (or guess oddly) for most source files, so the extension decides. */
const TEXT_EXTENSIONS = new Set([
  'txt',
  'md',
  'markdown',
  'csv',
  'tsv',
  'json',
  'jsonl',
  'yaml',
  'yml',
  'toml',
  'ini',
  'cfg',
  'conf',
  'env',
  'xml',
  'html',
  'htm',
  'css',
  'scss',
  'less',
  'js',
  'mjs',
  'cjs',
  'jsx',
  'ts',
  'tsx',
  'py',
  'rb',
  'go',
  'rs',
  'java',
  'kt',
  'swift',
  'c',
  'h',
  'cc',
  'cpp',
  'hpp',
  'cs',
  'php',
  'sh',
  'bash',
  'zsh',
  'fish',
  'ps1',
  'sql',
  'r',
  'lua',
  'pl',
  'scala',
  'dart',
  'vue',
  'svelte',
  'log',
  'diff',
  'patch',
  'tex',
  'rst',
  'gradle',
  'dockerfile',
  'makefile',
]);

function extensionOf(name: string): string {
  const lower = name.toLowerCase();
  const dot = lower.lastIndexOf('.');
  return dot === -1 ? lower : lower.slice(dot + 1);
}

export function kindOf(file: FileFacts): AttachmentKind | undefined {
  const type = file.type.toLowerCase();
  if (IMAGE_TYPES.has(type)) return 'image';
  if (type.startsWith('image/')) return undefined;
  if (type.startsWith('text/') || TEXT_TYPES.has(type)) return 'text';
  if (TEXT_EXTENSIONS.has(extensionOf(file.name))) return 'text';
  return undefined;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(bytes < 10 * 1024 ? 1 : 0)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** Splits new files into those that may be attached next to `existing` already-attached files, and why the rest may not. */
export function checkFiles<F extends FileFacts>(existing: number, files: readonly F[]): CheckResult<F> {
  const result: CheckResult<F> = { accepted: [], rejected: [] };
  for (const file of files) {
    const kind = kindOf(file);
    if (!kind) {
      const what = file.type.startsWith('image/') ? 'Only PNG, JPEG, GIF and WebP images' : 'Only images and text or code files';
      result.rejected.push({ name: file.name, reason: 'unsupported', message: `${file.name}: ${what} can be attached.` });
      continue;
    }
    const limit = kind === 'image' ? ATTACHMENT_LIMITS.imageBytes : ATTACHMENT_LIMITS.textBytes;
    if (file.size > limit) {
      result.rejected.push({
        name: file.name,
        reason: 'too-large',
        message: `${file.name} is ${formatBytes(file.size)}; ${kind === 'image' ? 'images' : 'text files'} can be at most ${formatBytes(limit)}.`,
      });
      continue;
    }
    if (existing + result.accepted.length >= ATTACHMENT_LIMITS.maxFiles) {
      result.rejected.push({ name: file.name, reason: 'too-many', message: `${file.name} was not added: a message can carry at most ${ATTACHMENT_LIMITS.maxFiles} files.` });
      continue;
    }
    result.accepted.push({ file, kind });
  }
  return result;
}

export type VisionVerdict = { kind: 'ok' } | { kind: 'blocked'; message: string } | { kind: 'unknown'; message: string };

/** Whether images may go to a model, from the catalog's `vision` (undefined = the catalog does not know). */
export function visionVerdict(modelName: string, vision: boolean | undefined, hasImages: boolean): VisionVerdict {
  if (!hasImages || vision === true) return { kind: 'ok' };
  if (vision === false) {
    return { kind: 'blocked', message: `${modelName} cannot read images. Remove the image or choose a vision model.` };
  }
  return { kind: 'unknown', message: `Enclave does not know whether ${modelName} reads images; it will be sent anyway.` };
}
