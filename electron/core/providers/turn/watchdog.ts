// Two timers for one request: nothing at all from the provider within firstByteMs, or silence
// for stallMs once it started. Either fires `onTimeout` once.

export type Timeout = 'first-byte-timeout' | 'stalled';

export interface Watchdog {
  /** Something arrived from the provider. */
  activity(): void;
  stop(): void;
}

export function startWatchdog(firstByteMs: number, stallMs: number, onTimeout: (which: Timeout) => void): Watchdog {
  let started = false;
  let stopped = false;
  let timer = setTimeout(() => fire('first-byte-timeout'), firstByteMs);
  function fire(which: Timeout) {
    if (stopped) return;
    stopped = true;
    onTimeout(which);
  }
  return {
    activity() {
      if (stopped) return;
      started = true;
      clearTimeout(timer);
      timer = setTimeout(() => fire(started ? 'stalled' : 'first-byte-timeout'), stallMs);
    },
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
