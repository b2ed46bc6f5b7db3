// Entry point for importing conversations in one go: text in, every readable conversation
// out, with the ones that were skipped and why. Never throws. The engine runs the same
// steps in chunks (electron/core/store/import-job.ts) to show progress and allow Cancel.
import { createCollector } from './collect';
import { fail, type ImportOptions, type ImportResult } from './import-result';
import { planImport } from './import-plan';
import { createWarnings } from './warnings';

export function parseImport(text: string, opts: ImportOptions = {}): ImportResult {
  try {
    const plan = planImport(text, opts);
    if (!plan.ok) return plan;
    const warnings = createWarnings();
    const collector = createCollector();
    for (let i = 0; i < plan.value.count; i++) collector.add(i, plan.value.read(i, warnings));
    return { ok: true, source: plan.value.source, bundles: collector.bundles, skipped: collector.skipped, warnings: warnings.list() };
  } catch (error) {
    // Only a bug (or an engine limit) gets here; still an answer, never a throw.
    const reason = error instanceof Error ? error.message : String(error);
    return fail(`The file could not be imported: ${reason}`);
  }
}
