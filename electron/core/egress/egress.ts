// The only way out of the app. Every outbound request goes through a fetch made here: it is
// checked against the allowlist (refused before any socket opens) and leaves one ledger row
// (time, connection, host, model, bytes, duration, status: never content, never keys).
import type { LedgerRecord } from '../../../shared/types';
import { decide } from './allowlist';
import { bodySize, countingBody, isAbort } from './byte-count';
import { EgressRefusedError } from './egress-error';

export type LedgerRow = LedgerRecord;
export type Fetch = typeof globalThis.fetch;

export interface EgressOptions {
  isOffline(): boolean;
  /** Hostnames of configured remote connections (lower case). */
  allowedHosts(): ReadonlySet<string>;
  record(row: LedgerRow): void;
  /** The underlying transport; tests may inject one. */
  transport?: Fetch;
  now?: () => number;
}

export interface RequestContext {
  connectionId: string | null;
  model?: string | null;
  /** Set for a chat turn's requests, so the turn's measured figures can be added to its ledger row. */
  turnId?: string;
}

export interface Egress {
  fetchFor(ctx: RequestContext): Fetch;
  /** URLs currently in flight through egress (for the runtime bypass check). */
  inFlight(): ReadonlySet<string>;
}

export function createEgress(opts: EgressOptions): Egress {
  const transport = opts.transport ?? globalThis.fetch;
  const now = opts.now ?? Date.now;
  const inFlight = new Set<string>();

  function fetchFor(ctx: RequestContext): Fetch {
    return async (input, init) => {
      const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
      const method = init?.method ?? (input instanceof Request ? input.method : 'GET');
      const started = now();
      const base = {
        at: started,
        connectionId: ctx.connectionId,
        host: url.host,
        model: ctx.model ?? null,
        method: method.toUpperCase(),
        path: url.pathname,
        bytesUp: bodySize(init?.body),
        ...(ctx.turnId ? { turnId: ctx.turnId } : {}),
      };
      const decision = decide(url.href, { offline: opts.isOffline(), allowedHosts: opts.allowedHosts() });
      if (!decision.allowed) {
        opts.record({ ...base, bytesDown: 0, durationMs: 0, status: 0, outcome: 'refused' });
        throw new EgressRefusedError(decision.reason, decision.message);
      }
      const key = `${url.origin}${url.pathname}`;
      inFlight.add(key);
      let response: Response;
      try {
        response = await transport(input, init);
      } catch (err) {
        inFlight.delete(key);
        opts.record({
          ...base,
          bytesDown: 0,
          durationMs: now() - started,
          status: 0,
          outcome: isAbort(err) ? 'aborted' : 'network-error',
        });
        throw err;
      }
      const finish = (bytesDown: number, outcome: 'ok' | 'aborted' | 'network-error') => {
        inFlight.delete(key);
        opts.record({
          ...base,
          bytesDown,
          durationMs: now() - started,
          status: response.status,
          outcome: outcome === 'ok' ? (response.ok ? 'ok' : 'http-error') : outcome,
        });
      };
      if (!response.body) {
        finish(0, 'ok');
        return response;
      }
      return new Response(countingBody(response.body, finish), {
        status: response.status,
        statusText: response.statusText,
        headers: response.headers,
      });
    };
  }

  return { fetchFor, inFlight: () => inFlight };
}
