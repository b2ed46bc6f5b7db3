// classifyError against the provider error bodies recorded in docs/provider-wire-formats.md §4.
import { APICallError, JSONParseError, RetryError, StreamProviderError } from 'ai';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { classifyError } from '../../electron/core/providers/turn/errors';
import type { ProviderKind } from '../../shared/types';

const NOW = 1_700_000_000_000;

function http(status: number, body: unknown, headers: Record<string, string> = {}): APICallError {
  return new APICallError({
    message: 'HTTP error',
    url: 'https://example.invalid/v1/chat/completions',
    requestBodyValues: {},
    statusCode: status,
    responseHeaders: headers,
    responseBody: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

const classify = (err: unknown, kind: ProviderKind = 'openai', apiKey?: string) => classifyError(err, { kind, now: () => NOW, ...(apiKey ? { apiKey } : {}) });

describe('classifyError: auth', () => {
  it('says an OpenAI 401 is a bad key and masks the key in the detail', () => {
    const e = classify(
      http(401, {
        error: {
          message: 'Incorrect API key provided: sk-svcacct-abcdefghijklmnop. You can find your API key at https://platform.openai.com/account/api-keys.',
          type: 'invalid_request_error',
          param: null,
          code: 'invalid_api_key',
        },
      }),
    );
    expect(e.kind).toBe('auth');
    expect(e.message).toBe('OpenAI says the key is invalid or not allowed to do this. Check it in Connections.');
    expect(e.detail).not.toContain('sk-svcacct');
    expect(e.status).toBe(401);
  });
  it('names Anthropic in its auth message', () => {
    const e = classify(http(401, { type: 'error', error: { type: 'authentication_error', message: 'invalid x-api-key' }, request_id: 'req_1' }), 'anthropic');
    expect(e).toMatchObject({ kind: 'auth', detail: 'invalid x-api-key' });
    expect(e.message).toMatch(/^Anthropic says the key is invalid/);
  });
  it('treats Gemini 400 API_KEY_INVALID as auth, not a bad request', () => {
    const body = {
      error: {
        code: 400,
        message: 'API key not valid. Please pass a valid API key.',
        status: 'INVALID_ARGUMENT',
        details: [{ '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'API_KEY_INVALID', domain: 'googleapis.com' }],
      },
    };
    expect(classify(http(400, body), 'google').kind).toBe('auth');
  });
  it('treats xAI 400 "Incorrect API key" as auth', () => {
    expect(classify(http(400, { code: 'Client specified an invalid argument', error: 'Incorrect API key provided: xa***y1.' }), 'xai').kind).toBe('auth');
  });
  it("treats Mistral's non-OpenAI 401 body as auth", () => {
    expect(classify(http(401, { message: 'Unauthorized', request_id: 'x' }), 'mistral').kind).toBe('auth');
  });
  it('never repeats the request key, even when the provider echoes it', () => {
    const key = 'my-local-secret-123';
    const e = classify(http(401, { error: `bad key ${key}` }), 'openai-compatible', key);
    expect(JSON.stringify(e)).not.toContain(key);
  });
});

describe('classifyError: quota and rate limits', () => {
  it('OpenAI 429 insufficient_quota is quota, not a rate limit', () => {
    expect(
      classify(
        http(429, { error: { message: 'You exceeded your current quota, please check your plan and billing details.', type: 'insufficient_quota', code: 'insufficient_quota' } }),
      ).kind,
    ).toBe('quota');
  });
  it('Anthropic billing_error and DeepSeek 402 are quota', () => {
    expect(classify(http(400, { type: 'error', error: { type: 'billing_error', message: 'Your credit balance is too low' } }), 'anthropic').kind).toBe('quota');
    expect(classify(http(402, { error: { message: 'Insufficient Balance', type: 'unknown_error' } }), 'deepseek').kind).toBe('quota');
  });
  it('reads retry-after-ms before retry-after', () => {
    const e = classify(http(429, { error: { message: 'slow down', type: 'rate_limit' } }, { 'retry-after-ms': '1500', 'retry-after': '9' }));
    expect(e).toMatchObject({ kind: 'rate-limited', retryAt: NOW + 1500 });
  });
  it('reads retry-after in seconds and as an HTTP date', () => {
    expect(classify(http(429, { type: 'error', error: { type: 'rate_limit_error', message: 'x' } }, { 'retry-after': '7' }), 'anthropic').retryAt).toBe(NOW + 7000);
    const date = new Date(NOW + 30_000).toUTCString();
    expect(classify(http(429, 'busy', { 'retry-after': date })).retryAt).toBe(NOW + 30_000);
  });
  it("reads Gemini's RetryInfo.retryDelay", () => {
    const body = {
      error: {
        code: 429,
        message: 'You exceeded your current quota… Please retry in 53.016342224s.',
        status: 'RESOURCE_EXHAUSTED',
        details: [{ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '12s' }],
      },
    };
    const e = classify(http(429, body), 'google');
    expect(e).toMatchObject({ kind: 'rate-limited', retryAt: NOW + 12_000 });
    expect(e.message).toBe('Google Gemini is rate-limiting requests. Try again in 12 s.');
  });
  it('reads "Please try again in 3.89s" and Groq\'s "1m2.5s"', () => {
    expect(
      classify(http(429, { error: { message: 'Rate limit reached for gpt-4.1 … Please try again in 3.89s. Visit …', type: 'tokens', code: 'rate_limit_exceeded' } })).retryAt,
    ).toBe(NOW + 3890);
    expect(classify(http(429, { error: { message: 'Please try again in 1m2.5s.', code: 'rate_limit_exceeded' } }), 'groq').retryAt).toBe(NOW + 62_500);
  });
});

describe('classifyError: provider-side failures', () => {
  it('529 and 503 and overloaded_error are overloaded', () => {
    expect(classify(http(529, { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } }), 'anthropic').kind).toBe('overloaded');
    expect(classify(http(503, { error: { code: 503, message: 'The model is overloaded. Please try again later.', status: 'UNAVAILABLE' } }), 'google').kind).toBe('overloaded');
  });
  it('an Anthropic overloaded event after a 200 is overloaded', () => {
    const err = new StreamProviderError({ message: 'Overloaded', type: 'overloaded_error', statusCode: 529, data: { type: 'overloaded_error', message: 'Overloaded' } });
    expect(classify(err, 'anthropic').kind).toBe('overloaded');
  });
  it('404 and model_not_found are model-not-found, also on 403', () => {
    expect(classify(http(404, { type: 'error', error: { type: 'not_found_error', message: 'model: sonnet4' } }), 'anthropic').kind).toBe('model-not-found');
    expect(classify(http(403, { error: { message: 'Project `p` does not have access to model `o3`', code: 'model_not_found' } })).kind).toBe('model-not-found');
  });
  it('recognises every recorded context overflow', () => {
    const cases: Array<[ProviderKind, number, unknown]> = [
      ['openai', 400, { error: { message: "This model's maximum context length is 4097 tokens.", code: 'context_length_exceeded' } }],
      ['anthropic', 400, { type: 'error', error: { type: 'invalid_request_error', message: 'prompt is too long: 208656 tokens > 200000 maximum' } }],
      ['google', 400, { error: { code: 400, message: 'The input token count (1200293) exceeds the maximum number of tokens allowed (1048576).', status: 'INVALID_ARGUMENT' } }],
      ['openai-compatible', 403, { error: { message: 'Input token count + max_tokens parameter must be less than the context length' } }],
      ['deepseek', 400, { error: { message: "This model's maximum context length is 131072 tokens.", code: 'invalid_request_error' } }],
    ];
    for (const [kind, status, body] of cases) expect(classify(http(status, body), kind).kind, kind).toBe('context-too-long');
  });
  it('5xx is server, other 4xx is bad-request', () => {
    expect(classify(http(500, { error: { message: 'oops', type: 'server_error' } })).kind).toBe('server');
    expect(classify(http(422, { error: { message: 'bad param' } })).kind).toBe('bad-request');
  });
  it('content filters are content-filtered', () => {
    expect(
      classify(http(400, { error: { message: "The response was filtered due to the prompt triggering Azure OpenAI's content management policy.", code: 'content_filter' } })).kind,
    ).toBe('content-filtered');
  });
  it('unwraps a RetryError to its last error', () => {
    const last = http(429, { error: { message: 'x', code: 'rate_limit_exceeded' } });
    const err = new RetryError({ message: 'failed after 3 attempts', reason: 'maxRetriesExceeded', errors: [last, last] });
    expect(classify(err).kind).toBe('rate-limited');
  });
  it('never copies more than 500 characters of provider text', () => {
    expect(classify(http(500, { error: { message: 'x'.repeat(2000) } })).detail?.length).toBeLessThanOrEqual(500);
  });
});

describe('classifyError: transport', () => {
  const fetchFailed = (code: string, message = 'connect failed') => Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error(message), { code }) });
  it('refused, unknown host and hang-ups are network errors', () => {
    expect(classify(fetchFailed('ECONNREFUSED'), 'ollama').kind).toBe('network');
    expect(classify(fetchFailed('ENOTFOUND')).kind).toBe('network');
    expect(classify(new Error('socket hang up')).kind).toBe('network');
    expect(classify(fetchFailed('ECONNREFUSED'), 'ollama').message).toBe("Could not reach Ollama. Check your network and the connection's base URL.");
  });
  it('a refused connection names the address and port nobody is listening on', async () => {
    // A real refusal from Node's fetch: a port that was just free on loopback.
    const server = createServer();
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as AddressInfo).port;
    await new Promise((r) => server.close(r));
    const err = await fetch(`http://127.0.0.1:${port}/api/tags`).then(
      () => undefined,
      (e: unknown) => e,
    );
    const chatError = classify(err, 'ollama');
    expect(chatError.kind).toBe('network');
    expect(chatError.message).toBe(`Nothing is listening on 127.0.0.1:${port} — is the server running?`);
    const v6 = Object.assign(new TypeError('fetch failed'), {
      cause: Object.assign(new Error('connect ECONNREFUSED ::1:11434'), { code: 'ECONNREFUSED', address: '::1', port: 11434 }),
    });
    expect(classify(v6, 'ollama').message).toBe('Nothing is listening on [::1]:11434 — is the server running?');
  });
  it('certificate failures are tls', () => {
    expect(classify(fetchFailed('CERT_HAS_EXPIRED', 'certificate has expired')).kind).toBe('tls');
    expect(classify(fetchFailed('DEPTH_ZERO_SELF_SIGNED_CERT', 'self-signed certificate')).kind).toBe('tls');
  });
  it('a frame that is not JSON is malformed-stream', () => {
    expect(classify(new JSONParseError({ text: '{"unterminated', cause: new SyntaxError('Unterminated string') })).kind).toBe('malformed-stream');
  });
  it('a body cut after a 200 is network, with no status', () => {
    const err = new APICallError({ message: 'Failed to process successful response', url: 'u', requestBodyValues: {}, statusCode: 200, cause: new TypeError('terminated') });
    const e = classify(err, 'anthropic');
    expect(e.kind).toBe('network');
    expect(e.status).toBeUndefined();
    expect(e.message).toMatch(/dropped/);
  });
  it('an abort is aborted', () => {
    expect(classify(new DOMException('This operation was aborted', 'AbortError')).kind).toBe('aborted');
  });
  it('egress refusals keep their own kind and words', () => {
    const refused = Object.assign(new Error('Enclave is offline: only local models can be reached.'), { name: 'EgressRefusedError', reason: 'offline' });
    expect(classify(refused)).toEqual({ kind: 'offline', message: 'Enclave is offline: only local models can be reached.' });
  });
  it('an OpenAI-compatible server is named by its connection', () => {
    const e = classifyError(http(401, { error: 'Unauthorized' }), { kind: 'openai-compatible', name: 'LM Studio' });
    expect(e.message).toMatch(/^LM Studio says the key is invalid/);
  });
});
