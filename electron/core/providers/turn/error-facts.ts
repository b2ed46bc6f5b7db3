// Reads everything useful out of an unknown failure: the AI SDK's error classes, fetch/undici
// errors and their causes, and every provider's error body shape (docs/provider-wire-formats.md §4), including the
// raw objects the SDKs pass through for errors that arrive inside a 200 stream.
import { APICallError, RetryError, StreamProviderError, TypeValidationError } from 'ai';

export interface ErrorFacts {
  /** Error class names along the cause chain (`AI_APICallError`, `TypeError`, …). */
  names: string[];
  /** HTTP status of a failed response (>= 400; a 2xx whose body then broke is not one). */
  status?: number;
  /** The status a provider's in-stream error maps to (Anthropic `overloaded_error` → 529), HTTP having said 200. */
  streamStatus?: number;
  /** Lower-cased response header names. */
  headers: Record<string, string>;
  /** The provider's own words, first found first. */
  providerMessages: string[];
  /** Provider codes, types and reasons (`invalid_api_key`, `overloaded_error`, `API_KEY_INVALID`) and system codes (`ECONNREFUSED`). */
  codes: string[];
  /** Messages of the JS errors themselves (`fetch failed`, `terminated`). */
  errorMessages: string[];
  /** Google RPC RetryInfo.retryDelay values ("12s"). */
  retryDelays: string[];
  /** Numeric codes inside a body (vLLM, llama.cpp, Google RPC put the HTTP status there). */
  bodyCodes: number[];
  /** True when the failure is an error object the provider sent (a body or an in-stream error). */
  fromProvider: boolean;
  /** The response body text, when there was one. */
  bodyText?: string;
  /** Where a connection was refused (ECONNREFUSED carries the address and port it tried). */
  refused?: { address: string; port?: number };
  /** Set when egress refused the request before any socket opened. */
  egressReason?: string;
  /** A ready-made ChatError carried by the error (a UserFacingError). */
  carried?: unknown;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.length > 0 ? v : undefined);

function addBody(facts: ErrorFacts, body: unknown, depth: number): void {
  if (depth > 4) return;
  if (typeof body === 'string') {
    facts.fromProvider = true;
    facts.providerMessages.push(body);
    return;
  }
  if (!isObj(body)) return;
  const inner = body['error'];
  if (inner !== undefined && inner !== null) {
    addBody(facts, inner, depth + 1);
    // xAI: `{code: "Client specified an invalid argument", error: "Incorrect API key …"}`
    const code = str(body['code']);
    if (code) facts.codes.push(code);
    return;
  }
  facts.fromProvider = true;
  for (const key of ['message', 'detail', 'msg']) {
    const m = str(body[key]);
    if (m) facts.providerMessages.push(m);
  }
  for (const key of ['type', 'code', 'status', 'reason']) {
    const v = body[key];
    if (typeof v === 'string' && v.length > 0) facts.codes.push(v);
    else if (typeof v === 'number') facts.bodyCodes.push(v);
  }
  const details = body['details'];
  if (Array.isArray(details)) {
    for (const d of details) {
      if (!isObj(d)) continue;
      const reason = str(d['reason']);
      if (reason) facts.codes.push(reason);
      const delay = str(d['retryDelay']);
      if (delay) facts.retryDelays.push(delay);
      const errorCode = isObj(d['error_code']) ? undefined : str(d['error_code']);
      if (errorCode) facts.codes.push(errorCode);
    }
  } else if (isObj(details)) {
    // Anthropic spend limit: `error.details.error_code`
    const code = str(details['error_code']);
    if (code) facts.codes.push(code);
  }
}

function addBodyText(facts: ErrorFacts, text: string): void {
  facts.bodyText ??= text;
  try {
    addBody(facts, JSON.parse(text) as unknown, 0);
  } catch {
    if (text.trim() !== '' && !/^\s*</.test(text)) facts.providerMessages.push(text);
  }
}

function visit(facts: ErrorFacts, err: unknown, depth: number): void {
  if (depth > 6 || err === undefined || err === null) return;
  if (typeof err === 'string' || (isObj(err) && !(err instanceof Error) && !('name' in err && 'message' in err))) {
    addBody(facts, err, 0);
    return;
  }
  if (!isObj(err)) return;
  const name = str(err['name']);
  if (name) facts.names.push(name);
  const message = str(err['message']);
  if (message) facts.errorMessages.push(message);
  if ('chatError' in err) facts.carried = err['chatError'];
  if (name === 'EgressRefusedError') facts.egressReason = str(err['reason']) ?? 'not-allowed';
  const code = str(err['code']);
  if (code) facts.codes.push(code);
  const address = str(err['address']);
  if (code === 'ECONNREFUSED' && address && !facts.refused) {
    facts.refused = { address, ...(typeof err['port'] === 'number' ? { port: err['port'] } : {}) };
  }

  if (APICallError.isInstance(err)) {
    if (err.statusCode !== undefined && err.statusCode >= 400) facts.status ??= err.statusCode;
    for (const [k, v] of Object.entries(err.responseHeaders ?? {})) facts.headers[k.toLowerCase()] = v;
    if (err.responseBody !== undefined) addBodyText(facts, err.responseBody);
    else if (err.data !== undefined) addBody(facts, err.data, 0);
  } else if (StreamProviderError.isInstance(err)) {
    facts.streamStatus ??= err.statusCode;
    if (err.type) facts.codes.push(err.type);
    addBody(facts, err.data ?? err.message, 0);
  } else if (RetryError.isInstance(err)) {
    visit(facts, err.lastError, depth + 1);
  } else if (TypeValidationError.isInstance(err)) {
    // A provider error object that failed the chunk schema (Ollama's `{"error":"…"}` line).
    if (isObj(err.value) && 'error' in err.value) addBody(facts, err.value, 0);
  }
  if (Array.isArray(err['errors'])) for (const e of err['errors']) visit(facts, e, depth + 1);
  visit(facts, err['cause'], depth + 1);
}

export function factsOf(err: unknown): ErrorFacts {
  const facts: ErrorFacts = {
    names: [],
    headers: {},
    providerMessages: [],
    codes: [],
    errorMessages: [],
    retryDelays: [],
    bodyCodes: [],
    fromProvider: false,
  };
  visit(facts, err, 0);
  return facts;
}
