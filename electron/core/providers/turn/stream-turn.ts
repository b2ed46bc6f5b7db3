// Streams one reply as TurnParts: text and reasoning deltas, then usage and a finish, or one
// error. Retries (ours, before the first token only), first-byte and stall timeouts, and a user
// abort that always ends as finish 'aborted', never as an error or a retry.
import { streamText, type LanguageModel, type LanguageModelUsage } from 'ai';
import type { ChatError, FinishReason, Usage } from '../../../../shared/types';
import { classifyError, turnError, type ErrorContext } from './errors';
import { errorContextOf } from '../registry';
import { DEFAULT_RETRY_POLICY, realClock, retryDelay, type RetryClock, type RetryPolicy } from './retry';
import { toModelMessages, type TurnInputMessage } from './turn-messages';
import { startWatchdog, type Timeout } from './watchdog';

export type TurnPart =
  | { kind: 'text-delta'; text: string }
  | { kind: 'reasoning-delta'; text: string }
  | { kind: 'usage'; usage: Usage }
  /** The model asked to run a tool; Enclave runs none, so the reply ends there. */
  | { kind: 'tool-call'; toolName: string }
  /** A file the model generated (an image), base64. */
  | { kind: 'file'; mediaType: string; base64: string }
  | { kind: 'finish'; reason: FinishReason; raw?: string }
  | { kind: 'error'; error: ChatError };

export interface StreamTurnOptions {
  model: LanguageModel;
  messages: readonly TurnInputMessage[];
  system?: string;
  temperature?: number;
  maxOutputTokens?: number;
  signal: AbortSignal;
  firstByteTimeoutMs?: number;
  stallTimeoutMs?: number;
  retryPolicy?: RetryPolicy;
  clock?: RetryClock;
  /** How errors name the provider; models from createLanguageModel carry theirs. */
  errorContext?: ErrorContext;
}

type Attempt = { kind: 'done' } | { kind: 'failed'; error: ChatError; tokensSeen: boolean };

const COMPACTION_LEAD = 'Earlier conversation, as the provider compacted it:\n\n';

/** Parts that exist before the provider answered: they are not a "first byte". */
const NOT_FROM_PROVIDER = new Set(['start', 'start-step']);

export function usageOf(u: LanguageModelUsage): Usage | undefined {
  const usage: Usage = {
    ...(u.inputTokens !== undefined ? { inputTokens: u.inputTokens } : {}),
    ...(u.outputTokens !== undefined ? { outputTokens: u.outputTokens } : {}),
    ...(u.outputTokenDetails.reasoningTokens ? { reasoningTokens: u.outputTokenDetails.reasoningTokens } : {}),
    ...(u.inputTokenDetails.cacheReadTokens ? { cachedInputTokens: u.inputTokenDetails.cacheReadTokens } : {}),
  };
  return Object.keys(usage).length > 0 ? usage : undefined;
}

/**
 * Anthropic's stop_reason "refusal" and an OpenAI refusal (raw "stop" in Chat Completions, no raw
 * reason in Responses) arrive as content-filter; a real filter has its own raw word.
 */
const REFUSAL_RAW = new Set(['refusal', 'stop', 'end_turn']);

export function finishReasonOf(reason: string, raw?: string): FinishReason {
  switch (reason) {
    case 'content-filter':
      return raw === undefined || REFUSAL_RAW.has(raw) ? 'refusal' : 'content-filter';
    case 'stop':
    case 'length':
    case 'tool-calls':
    case 'error':
    case 'other':
      return reason;
    case 'interrupted':
      return 'aborted';
    default:
      return 'other';
  }
}

async function* attempt(opts: StreamTurnOptions, ctx: ErrorContext): AsyncGenerator<TurnPart, Attempt> {
  const controller = new AbortController();
  const onUserAbort = () => controller.abort(opts.signal.reason);
  opts.signal.addEventListener('abort', onUserAbort, { once: true });
  let timedOut: Timeout | undefined;
  const watchdog = startWatchdog(opts.firstByteTimeoutMs ?? 30_000, opts.stallTimeoutMs ?? 60_000, (which) => {
    timedOut = which;
    controller.abort(new Error(which));
  });
  let tokensSeen = false;
  /** Text blocks that are Anthropic compaction summaries, not answer text (docs/wire-formats.md, "Anthropic compaction"). */
  const compactionIds = new Set<string>();
  const failed = (error: ChatError): Attempt => ({ kind: 'failed', error, tokensSeen });
  const { messages, instructions } = toModelMessages(opts.messages, opts.system);
  try {
    const result = streamText({
      model: opts.model,
      messages,
      ...(instructions !== undefined ? { instructions } : {}),
      ...(opts.temperature !== undefined ? { temperature: opts.temperature } : {}),
      ...(opts.maxOutputTokens !== undefined ? { maxOutputTokens: opts.maxOutputTokens } : {}),
      maxRetries: 0,
      abortSignal: controller.signal,
      // Raw chunks are liveness: a provider streaming frames we do not show is not stalled.
      includeRawChunks: true,
      onError: () => undefined,
    });
    for await (const part of result.fullStream) {
      if (opts.signal.aborted || timedOut) break;
      if (!NOT_FROM_PROVIDER.has(part.type)) watchdog.activity();
      switch (part.type) {
        case 'text-start':
          if (part.providerMetadata?.['anthropic']?.['type'] === 'compaction') {
            compactionIds.add(part.id);
            yield { kind: 'reasoning-delta', text: COMPACTION_LEAD };
          }
          break;
        case 'text-delta':
        case 'reasoning-delta':
          if (part.text === '') break;
          tokensSeen = true;
          yield { kind: compactionIds.has(part.id) ? 'reasoning-delta' : part.type, text: part.text };
          break;
        case 'tool-call':
          tokensSeen = true;
          yield { kind: 'tool-call', toolName: part.toolName };
          break;
        case 'file':
          tokensSeen = true;
          yield { kind: 'file', mediaType: part.file.mediaType, base64: part.file.base64 };
          break;
        case 'error':
          if (opts.signal.aborted || timedOut) break;
          return failed(classifyError(part.error, ctx));
        case 'finish': {
          const usage = usageOf(part.totalUsage);
          if (usage) yield { kind: 'usage', usage };
          const reason = finishReasonOf(part.finishReason, part.rawFinishReason);
          yield { kind: 'finish', reason, ...(part.rawFinishReason !== undefined ? { raw: part.rawFinishReason } : {}) };
          return { kind: 'done' };
        }
        default:
          break;
      }
    }
  } catch (err) {
    if (!opts.signal.aborted && !timedOut) return failed(classifyError(err, ctx));
  } finally {
    watchdog.stop();
    opts.signal.removeEventListener('abort', onUserAbort);
    // Closes the HTTP stream when we stopped early (error, timeout, consumer went away).
    controller.abort();
  }
  if (opts.signal.aborted) {
    yield { kind: 'finish', reason: 'aborted' };
    return { kind: 'done' };
  }
  if (timedOut) return failed(turnError(timedOut, ctx));
  return failed(turnError('malformed-stream', ctx, 'The stream ended without a finish.'));
}

export async function* streamTurn(opts: StreamTurnOptions): AsyncGenerator<TurnPart, void> {
  const ctx = opts.errorContext ?? errorContextOf(opts.model);
  const clock = opts.clock ?? realClock;
  const policy = opts.retryPolicy ?? DEFAULT_RETRY_POLICY;
  for (let retries = 0; ; retries += 1) {
    if (opts.signal.aborted) {
      yield { kind: 'finish', reason: 'aborted' };
      return;
    }
    const outcome = yield* attempt(opts, ctx);
    if (outcome.kind === 'done') return;
    const delay = opts.signal.aborted ? null : retryDelay(outcome.error, retries, outcome.tokensSeen, clock, policy);
    if (delay === null) {
      if (opts.signal.aborted) yield { kind: 'finish', reason: 'aborted' };
      else yield { kind: 'error', error: outcome.error };
      return;
    }
    await clock.sleep(delay, opts.signal);
  }
}
