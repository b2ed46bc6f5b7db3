// How long a reply may take to start, and how long it may pause once started, before Enclave
// stops waiting. A local server may first load a model from disk (a minute or more for a large
// one), so it gets longer to start; a remote API that pauses for 20 s mid-reply is stuck.
// Per-connection values (set in the connection's edit form) win over these defaults.

export interface StallTimeouts {
  firstByteTimeoutMs: number;
  stallTimeoutMs: number;
}

export const STALL_DEFAULTS: Record<'local' | 'remote', StallTimeouts> = {
  local: { firstByteTimeoutMs: 180_000, stallTimeoutMs: 60_000 },
  remote: { firstByteTimeoutMs: 30_000, stallTimeoutMs: 20_000 },
};

/** Bounds for a user's own value: under a second is a typo, over half an hour is "never". */
export const STALL_LIMITS = { minMs: 1_000, maxMs: 30 * 60_000 } as const;

export function stallTimeoutsFor(conn: { local: boolean; firstByteTimeoutMs?: number; stallTimeoutMs?: number }): StallTimeouts {
  const defaults = STALL_DEFAULTS[conn.local ? 'local' : 'remote'];
  return {
    firstByteTimeoutMs: conn.firstByteTimeoutMs ?? defaults.firstByteTimeoutMs,
    stallTimeoutMs: conn.stallTimeoutMs ?? defaults.stallTimeoutMs,
  };
}
