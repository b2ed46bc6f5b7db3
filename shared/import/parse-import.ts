// Entry point for importing conversations: text in, every bundle or one clear error out.
// Never throws and never returns part of a file. Order matters: size and nesting are
// checked on the raw text before JSON.parse can run out of memory or stack.
import type { z } from 'zod';
import { formatSize } from '../export/labels';
import type { ConversationBundle } from '../types';
import { claudeExportSchema } from './claude-schema';
import { chatGptExportSchema } from './chatgpt-schema';
import { detectFormat } from './detect-format';
import { fromChatGpt } from './from-chatgpt';
import { fromClaude } from './from-claude';
import { fromEnclave } from './from-enclave';
import { fail, type ImportOptions, type ImportResult, type ImportSource, type Step } from './import-result';
import { exceedsUtf8Bytes, findExcessiveNesting } from './input-guards';
import { describeIssues } from './issue-path';
import { IMPORT_LIMITS } from './limits';
import { verifyBundles } from './verify-bundles';
import { createWarnings, type Warnings } from './warnings';

export function parseImport(text: string, opts: ImportOptions = {}): ImportResult {
  try {
    return parseUnguarded(text, opts);
  } catch (error) {
    // Only a bug (or an engine limit) gets here; still an answer, never a throw.
    const reason = error instanceof Error ? error.message : String(error);
    return fail(`The file could not be imported: ${reason}`);
  }
}

function parseUnguarded(text: string, opts: ImportOptions): ImportResult {
  if (typeof text !== 'string') return fail('Nothing to import: expected the text of a file.');
  const maxBytes = limit(opts.maxBytes, IMPORT_LIMITS.maxBytes);
  if (exceedsUtf8Bytes(text, maxBytes)) return fail(`The file is larger than the import limit of ${formatSize(maxBytes)}.`);
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') return fail('The file is empty.');
  const maxDepth = limit(opts.maxDepth, IMPORT_LIMITS.maxDepth);
  const deepAt = findExcessiveNesting(body, maxDepth);
  if (deepAt !== null) {
    return fail(`The file nests deeper than ${maxDepth} levels (at character ${deepAt}); no export does that.`);
  }
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return fail(`The file is not valid JSON (it may be cut off or not an export): ${reason}`);
  }
  const detected = detectFormat(json);
  if (!detected.ok) return detected;
  const warnings = createWarnings();
  const bundles = convert(detected.value.source, detected.value.data, warnings);
  if (!bundles.ok) return bundles;
  const problem = verifyBundles(bundles.value);
  if (problem) return fail(problem);
  return { ok: true, source: detected.value.source, bundles: bundles.value, warnings: warnings.list() };
}

function convert(source: ImportSource, data: unknown, warnings: Warnings): Step<ConversationBundle[]> {
  switch (source) {
    case 'enclave':
      return fromEnclave(data as Record<string, unknown>);
    case 'chatgpt': {
      const parsed = validate(chatGptExportSchema, data, 'ChatGPT export');
      return parsed.ok ? { ok: true, value: fromChatGpt(parsed.value, warnings) } : parsed;
    }
    case 'claude': {
      const parsed = validate(claudeExportSchema, data, 'Claude export');
      return parsed.ok ? { ok: true, value: fromClaude(parsed.value, warnings) } : parsed;
    }
    default: {
      const unreachable: never = source;
      return fail(`Unknown source ${String(unreachable)}`);
    }
  }
}

function validate<S extends z.ZodType>(schema: S, data: unknown, label: string): Step<z.output<S>> {
  const parsed = schema.safeParse(data);
  return parsed.success
    ? { ok: true, value: parsed.data }
    : fail(`${label}: ${describeIssues(parsed.error, 'conversations')}`);
}

/** A caller's limit when it is a real one; NaN or a negative number must not switch a guard off. */
function limit(requested: number | undefined, fallback: number): number {
  return typeof requested === 'number' && requested >= 0 ? requested : fallback;
}
