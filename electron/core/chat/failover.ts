// Which failures move a turn to the next model of its fallback chain, and which models of a
// chain may be tried at all. A chain never widens what leaves the machine: a local-only
// conversation or offline mode skips every remote model, whatever the chain says.
import type { ChatError, ChatErrorKind, Connection, FailedAttempt, ModelRef } from '../../../shared/types';

/** Failures that say "this provider cannot answer right now", not "this request is wrong". */
const MOVES_ON: ReadonlySet<ChatErrorKind> = new Set(['server', 'overloaded', 'rate-limited', 'network', 'first-byte-timeout']);

/** Only before the first token: once text is shown, the answer belongs to that model. */
export function shouldFailOver(error: ChatError, tokensShown: boolean): boolean {
  return !tokensShown && MOVES_ON.has(error.kind);
}

export interface ChainRules {
  localOnly: boolean;
  offline: boolean;
}

/** Why a model of the chain may not be tried, or undefined when it may. */
export function refusalFor(conn: Connection, rules: ChainRules): ChatError | undefined {
  if (conn.local) return undefined;
  if (rules.localOnly) {
    return { kind: 'locked-local', message: `Skipped ${conn.name}: this conversation is locked to local models.` };
  }
  if (rules.offline) return { kind: 'offline', message: `Skipped ${conn.name}: Enclave is offline.` };
  return undefined;
}

/** The chosen model first, then the chain, each model once. */
export function candidatesFor(first: ModelRef, chain: readonly ModelRef[]): ModelRef[] {
  const seen = new Set<string>();
  const out: ModelRef[] = [];
  for (const ref of [first, ...chain]) {
    const key = `${ref.connectionId}\u0000${ref.modelId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(ref);
  }
  return out;
}

/** The last model's error, with what happened to the chain's other models, for the message's details. */
export function withChainSummary(last: ChatError, failedBefore: readonly FailedAttempt[], skipped: readonly string[]): ChatError {
  if (failedBefore.length === 0 && skipped.length === 0) return last;
  const tried = failedBefore.map((f) => `${f.model.connectionName ?? f.model.connectionId} ${f.model.modelId}: ${f.error.message}`);
  const lines = [last.detail, tried.length ? `Also tried: ${tried.join(' · ')}` : undefined, skipped.length ? skipped.join(' ') : undefined];
  return { ...last, detail: lines.filter(Boolean).join('\n') };
}
