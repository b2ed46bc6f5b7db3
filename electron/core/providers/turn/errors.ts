// Every provider failure becomes one typed ChatError with a sentence a person can act on.
// The rules read status, provider codes and the provider's words; they hold for every kind, so
// there is no per-provider branch here (provider names come from the adapters).
import { InvalidResponseDataError, JSONParseError, LoadAPIKeyError, TypeValidationError, EmptyResponseBodyError } from 'ai';
import type { ChatError, ChatErrorKind, ProviderKind } from '../../../../shared/types';
import { PROVIDER_KIND_FACTS } from '../../../../shared/provider-kinds';
import { factsOf, type ErrorFacts } from './error-facts';
import { detailOf } from './mask';
import { retryDelayOf } from './retry-after';

export interface ErrorContext {
  kind: ProviderKind;
  /** The connection's name: how an OpenAI-compatible server is called in messages. */
  name?: string;
  /** The request's key, masked out of every detail. */
  apiKey?: string;
  now?: () => number;
}

const CONTEXT =
  /context_length_exceeded|maximum context length|context length|context size|context window|exceed_context_size|prompt is too long|input token count .*exceeds|exceeds the maximum number of tokens|input length exceeds|tokens? \+ `?max_(new_)?tokens|too many tokens/i;
const QUOTA =
  /insufficient_quota|billing_error|insufficient balance|credit balance|spend(ing)? limit|enforced_spend_limit|billing is not enabled|billing_not_active|payment required/i;
const NOT_FOUND = /model_not_found|not_found_error|notfounderror|does not exist|is not found|\bnot found\b|NOT_FOUND|no such model|unknown model/i;
const AUTH =
  /API_KEY_INVALID|invalid_api_key|incorrect api key|invalid x-api-key|authentication_error|invalid api key|authentication fails|api key not valid|UNAUTHENTICATED|unauthorized|permission_error|PERMISSION_DENIED/i;
const RATE = /rate_limit|rate limit|RESOURCE_EXHAUSTED|too many requests/i;
const OVERLOADED = /overloaded|server_is_overloaded|UNAVAILABLE|server busy|loading model|capacity/i;
const FILTER = /content_filter|content_policy|content management policy|\bSAFETY\b|PROHIBITED_CONTENT|BLOCKLIST|\bSPII\b|RECITATION/;
const SERVER = /server_error|api_error|\bINTERNAL\b|internal error|internalservererror|error was encountered while running the model|engine loop/i;
const TLS = /CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY|certificate/;
const NETWORK = /^E(CONNREFUSED|NOTFOUND|CONNRESET|AI_AGAIN|TIMEDOUT|HOSTUNREACH|NETUNREACH|PIPE|CONNABORTED)$|^UND_ERR_/;
const NETWORK_WORDS = /fetch failed|socket hang up|\bterminated\b|other side closed|network|cannot connect to api|connection (refused|reset|closed)/i;
const DROPPED = /\bterminated\b|other side closed|ECONNRESET|socket hang up|UND_ERR_SOCKET/;

const FALLBACK_LABEL = 'the server';

function labelFor(ctx: ErrorContext): string {
  return PROVIDER_KIND_FACTS[ctx.kind].speaker ?? ctx.name ?? FALLBACK_LABEL;
}

/** Provider names keep their own case ("xAI"); only the generic fallback starts a sentence. */
const cap = (s: string) => (s === FALLBACK_LABEL ? 'The server' : s);

function messageFor(kind: ChatErrorKind, who: string, facts: ErrorFacts, retryInS?: number): string {
  const Who = cap(who);
  switch (kind) {
    case 'auth':
      return `${Who} says the key is invalid or not allowed to do this. Check it in Connections.`;
    case 'no-key':
      return `${Who} needs an API key. Add one in Connections.`;
    case 'quota':
      return `${Who} says the account is out of credit or over its spending limit. Check the account's billing.`;
    case 'rate-limited':
      return retryInS !== undefined ? `${Who} is rate-limiting requests. Try again in ${retryInS} s.` : `${Who} is rate-limiting requests. Wait a moment and try again.`;
    case 'overloaded':
      return `${Who} is overloaded right now. Try again in a minute.`;
    case 'model-not-found':
      return `${Who} does not offer this model, or the key cannot use it. Pick another model or refresh the model list.`;
    case 'context-too-long':
      return 'The conversation is too long for this model. Start a new conversation, or pick a model with a larger context window.';
    case 'content-filtered':
      return `${Who} blocked this reply with its content filter.`;
    case 'bad-request':
      return `${Who} rejected the request. The details say why.`;
    case 'server':
      return `${Who} had an internal error. Try again.`;
    case 'network':
      if (facts.refused) return `Nothing is listening on ${hostPort(facts.refused)} — is the server running?`;
      return facts.errorMessages.some((m) => DROPPED.test(m)) || facts.codes.some((c) => DROPPED.test(c))
        ? `The connection to ${who} dropped before the reply finished. Try again.`
        : `Could not reach ${who}. Check your network and the connection's base URL.`;
    case 'tls':
      return `The secure connection to ${who} failed: its certificate is not trusted. Check the base URL.`;
    case 'malformed-stream':
      return `${Who} sent a reply Enclave could not read.`;
    case 'aborted':
      return 'Stopped.';
    case 'first-byte-timeout':
      return `${Who} did not start answering in time. Try again.`;
    case 'stalled':
      return `${Who} stopped sending in the middle of the reply.`;
    default:
      return `Something went wrong talking to ${who}.`;
  }
}

function hostPort({ address, port }: { address: string; port?: number }): string {
  const host = address.includes(':') ? `[${address}]` : address;
  return port === undefined ? host : `${host}:${port}`;
}

const MALFORMED = [JSONParseError, TypeValidationError, InvalidResponseDataError, EmptyResponseBodyError];

/** Failures of our side of the wire (no provider words): aborted, unreadable, TLS, network. */
function transportKind(err: unknown, facts: ErrorFacts): ChatErrorKind | undefined {
  if (facts.names.includes('AbortError') || facts.names.includes('ResponseAborted')) return 'aborted';
  if (LoadAPIKeyError.isInstance(err)) return 'no-key';
  if (facts.status !== undefined || facts.fromProvider) return undefined;
  if (MALFORMED.some((c) => c.isInstance(err)) || facts.names.some((n) => /JSONParseError|TypeValidationError|InvalidResponseData|EmptyResponseBody/.test(n))) {
    return 'malformed-stream';
  }
  if (facts.codes.some((c) => TLS.test(c)) || facts.errorMessages.some((m) => /certificate/i.test(m))) return 'tls';
  if (facts.codes.some((c) => NETWORK.test(c)) || facts.errorMessages.some((m) => NETWORK_WORDS.test(m))) return 'network';
  return undefined;
}

function kindOf(err: unknown, facts: ErrorFacts): ChatErrorKind {
  const transport = transportKind(err, facts);
  if (transport) return transport;
  const status = facts.status ?? facts.streamStatus ?? facts.bodyCodes.find((c) => c >= 400 && c < 600);
  const words = [...facts.codes, ...facts.providerMessages].join('\n');
  const has = (re: RegExp) => re.test(words);
  if (has(CONTEXT)) return 'context-too-long';
  if (status === 402 || has(QUOTA)) return 'quota';
  if (status === 404 || (has(NOT_FOUND) && /model/i.test(words) && status !== 429)) return 'model-not-found';
  if (status === 401 || status === 403 || has(AUTH)) return 'auth';
  if (status === 429 || has(RATE)) return 'rate-limited';
  if (status === 529 || status === 503 || has(OVERLOADED)) return 'overloaded';
  if (FILTER.test(words)) return 'content-filtered';
  if ((status !== undefined && status >= 500) || has(SERVER)) return 'server';
  if (status !== undefined && status >= 400) return 'bad-request';
  if (facts.fromProvider) return 'server';
  return 'unknown';
}

function isChatError(v: unknown): v is ChatError {
  return typeof v === 'object' && v !== null && typeof (v as ChatError).kind === 'string' && typeof (v as ChatError).message === 'string';
}

function egressError(facts: ErrorFacts): ChatError {
  const message = facts.errorMessages[0] ?? 'Enclave refused to send this request.';
  switch (facts.egressReason) {
    case 'offline':
      return { kind: 'offline', message };
    case 'bad-url':
      return { kind: 'bad-request', message };
    default:
      return { kind: 'not-allowed', message };
  }
}

export function classifyError(err: unknown, ctx: ErrorContext): ChatError {
  const facts = factsOf(err);
  if (isChatError(facts.carried)) return facts.carried;
  if (facts.egressReason !== undefined) return egressError(facts);
  const now = (ctx.now ?? Date.now)();
  const kind = kindOf(err, facts);
  const delayMs = kind === 'rate-limited' || kind === 'overloaded' ? retryDelayOf(facts, now) : undefined;
  const retryInS = delayMs === undefined ? undefined : Math.max(1, Math.ceil(delayMs / 1000));
  const secrets = ctx.apiKey ? [ctx.apiKey] : [];
  const detail = detailOf(facts.providerMessages[0] ?? facts.errorMessages.find((m) => m.length > 0), secrets);
  return {
    kind,
    message: messageFor(kind, labelFor(ctx), facts, kind === 'rate-limited' ? retryInS : undefined),
    ...(facts.status !== undefined ? { status: facts.status } : {}),
    ...(delayMs !== undefined ? { retryAt: now + delayMs } : {}),
    ...(detail !== undefined ? { detail } : {}),
  };
}

/** Errors streamTurn raises itself (timeouts, filters): same wording, no exception needed. */
export function turnError(kind: ChatErrorKind, ctx: ErrorContext, detail?: string): ChatError {
  return { kind, message: messageFor(kind, labelFor(ctx), factsOf(undefined)), ...(detail ? { detail: detailOf(detail, ctx.apiKey ? [ctx.apiKey] : []) ?? detail } : {}) };
}
