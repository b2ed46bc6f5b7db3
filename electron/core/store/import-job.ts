// Runs an import in slices of a few milliseconds so the app stays responsive, reports a
// percentage, and can be cancelled at any point with nothing written: conversations are
// read one by one (reading: 0–40 %), then written in one transaction (writing: 40–100 %)
// that Cancel rolls back. One import at a time.
import type { ImportStatus, ImportSummary } from '../../../shared/contract';
import { createCollector } from '../../../shared/import/collect';
import { planImport } from '../../../shared/import/import-plan';
import { createWarnings } from '../../../shared/import/warnings';
import { UserFacingError } from '../errors/user-facing-error';
import type { ConversationStore } from './conversation-store';
import type { ImportTransaction } from './import-transaction';

export interface ImportJobsOptions {
  /** Longest stretch of work between two yields to the event loop. Default 30 ms. */
  sliceMs?: number;
  newId: () => string;
  now?: () => number;
}

interface Job {
  status: ImportStatus;
  cancelRequested: boolean;
  finished: Promise<ImportStatus>;
}

const READ_SHARE = 40;
const KEEP_FINISHED = 10;

export type ImportJobs = ReturnType<typeof createImportJobs>;

export function createImportJobs(store: Pick<ConversationStore, 'beginImport'>, options: ImportJobsOptions) {
  const sliceMs = options.sliceMs ?? 30;
  const now = options.now ?? (() => performance.now());
  const jobs = new Map<string, Job>();
  let running: string | null = null;

  const forget = () => {
    const done = [...jobs.keys()].filter((id) => id !== running);
    for (const id of done.slice(0, Math.max(0, done.length - KEEP_FINISHED))) jobs.delete(id);
  };

  async function run(job: Job, content: string): Promise<ImportStatus> {
    let sliceStart = now();
    /** Yields when the slice is used up; true when the user asked to cancel. */
    const pause = async (): Promise<boolean> => {
      if (now() - sliceStart < sliceMs) return job.cancelRequested;
      await new Promise<void>((resolve) => setImmediate(resolve));
      sliceStart = now();
      return job.cancelRequested;
    };
    await new Promise<void>((resolve) => setImmediate(resolve));
    if (job.cancelRequested) return { state: 'cancelled' };
    const plan = planImport(content);
    if (!plan.ok) return { state: 'failed', message: `Nothing was imported: ${plan.error}` };
    const { source, count, read } = plan.value;
    const warnings = createWarnings();
    const collector = createCollector();
    for (let i = 0; i < count; i++) {
      collector.add(i, read(i, warnings));
      job.status = { state: 'running', phase: 'converting', percent: Math.floor(((i + 1) / count) * READ_SHARE) };
      if (await pause()) return { state: 'cancelled' };
    }
    const total = collector.messages();
    const summary: ImportSummary = {
      source,
      conversations: collector.bundles.length,
      messages: total,
      warnings: warnings.list(),
      skipped: collector.skipped,
    };
    if (collector.bundles.length === 0) return { state: 'done', summary };
    let written = 0;
    let tx: ImportTransaction | null = null;
    try {
      tx = store.beginImport();
      for (const [index, bundle] of collector.bundles.entries()) {
        tx.write(bundle, index, () => written++);
        job.status = { state: 'running', phase: 'writing', percent: READ_SHARE + Math.floor((written / Math.max(1, total)) * (99 - READ_SHARE)) };
        if (await pause()) {
          tx.rollback();
          return { state: 'cancelled' };
        }
      }
      tx.commit();
      return { state: 'done', summary };
    } catch (error) {
      tx?.rollback();
      const reason = error instanceof Error ? error.message : String(error);
      return { state: 'failed', message: reason.startsWith('Nothing was imported') ? reason : `Nothing was imported: ${reason}` };
    }
  }

  return {
    /** Starts an import; throws when one is already running. */
    start(content: string): string {
      if (running !== null) throw new UserFacingError({ kind: 'bad-request', message: 'An import is already running; wait for it to finish or cancel it.' });
      const id = options.newId();
      const job: Job = { status: { state: 'running', phase: 'reading', percent: 0 }, cancelRequested: false, finished: Promise.resolve({ state: 'cancelled' }) };
      running = id;
      job.finished = run(job, content)
        .catch((error: unknown): ImportStatus => ({ state: 'failed', message: `Nothing was imported: ${error instanceof Error ? error.message : String(error)}` }))
        .then((status) => {
          job.status = status;
          running = null;
          forget();
          return status;
        });
      jobs.set(id, job);
      return id;
    },
    status(id: string): ImportStatus | undefined {
      return jobs.get(id)?.status;
    },
    /** True when the import was still running and will end with nothing written. */
    cancel(id: string): boolean {
      const job = jobs.get(id);
      if (!job || job.status.state !== 'running') return false;
      job.cancelRequested = true;
      return true;
    },
    wait(id: string): Promise<ImportStatus> | undefined {
      return jobs.get(id)?.finished;
    },
  };
}
