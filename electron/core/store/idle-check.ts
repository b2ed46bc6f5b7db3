// Damage that happens while Enclave runs (a failing disk, another program writing the file) is
// otherwise found only at the next start. So, while no reply has been written for a while, the
// read worker runs SQLite's quick_check now and then, and a problem becomes a notice once.

export interface IdleCheckOptions {
  /** Runs quick_check; resolves undefined when the file is sound. */
  check(): Promise<string | undefined>;
  /** When a reply was last written (ms since epoch). */
  lastWriteAt(): number;
  onProblem(notice: string): void;
  log(message: string): void;
  everyMs: number;
  /** How long without writes counts as idle. */
  idleMs: number;
  now?: () => number;
}

export const IDLE_CHECK_DEFAULTS = { everyMs: 15 * 60_000, idleMs: 5 * 60_000 } as const;

const CORRUPTION = /malformed|corrupt|not a database/i;

export function idleCheckNotice(problem: string): string {
  return (
    `The conversation database failed a routine check while Enclave was idle (${problem}). ` +
    'Export your conversations now (Export all), then restart Enclave: at start-up it moves the damaged file aside and restores the last clean backup.'
  );
}

export function startIdleCheck(opts: IdleCheckOptions): { stop(): void; tick(): Promise<void> } {
  const now = opts.now ?? Date.now;
  let running = false;
  let reported = false;

  async function tick(): Promise<void> {
    if (running || reported || now() - opts.lastWriteAt() < opts.idleMs) return;
    running = true;
    try {
      const problem = await opts.check();
      if (problem) report(problem);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      // Reading a damaged page throws rather than answering; anything else (closing) is not damage.
      if (CORRUPTION.test(message)) report(message);
      else opts.log(`[enclave] idle integrity check did not run: ${message}`);
    } finally {
      running = false;
    }
  }

  function report(problem: string) {
    reported = true;
    opts.onProblem(idleCheckNotice(problem));
  }

  const timer = setInterval(() => void tick(), opts.everyMs);
  timer.unref();
  return { stop: () => clearInterval(timer), tick };
}
