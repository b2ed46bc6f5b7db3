// A client for the fake servers as each provider's SDK calls them, for the wire-format tests.
import { startFake, type FakeBehaviour, type FakeFlavor, type FakeFormat, type FakeServer } from './index';

export const TWO = { tokens: ['Hello', '!'] } satisfies FakeBehaviour;
const open: FakeServer[] = [];

/** Closes every fake the test started: pass to afterEach. */
export async function closeFakes(): Promise<void> {
  await Promise.all(open.splice(0).map((server) => server.close()));
}

export async function fake(format: FakeFormat, behaviour: FakeBehaviour = TWO, flavor?: FakeFlavor): Promise<FakeServer> {
  const server = await startFake(format, behaviour, { flavor });
  open.push(server);
  return server;
}

export function post(url: string, body: unknown, headers: Record<string, string> = {}, signal?: AbortSignal): Promise<Response> {
  return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body), signal });
}

export function json(data: string | undefined): Record<string, unknown> {
  return JSON.parse(data ?? 'null') as Record<string, unknown>;
}

/** Calls each format's streaming endpoint the way its SDK does. */
export function streamRequest(server: FakeServer, format: FakeFormat, signal?: AbortSignal): Promise<Response> {
  switch (format) {
    case 'openai-chat':
      return post(`${server.baseUrl}/chat/completions`, { model: 'gpt-4o', stream: true, messages: [] }, {}, signal);
    case 'openai-responses':
      return post(`${server.baseUrl}/responses`, { model: 'gpt-4o', stream: true, input: 'hi' }, {}, signal);
    case 'anthropic':
      return post(`${server.baseUrl}/messages`, { model: 'claude-sonnet-4-5', max_tokens: 64, stream: true, messages: [] }, {}, signal);
    case 'gemini':
      return post(`${server.baseUrl}/models/gemini-2.0-flash:streamGenerateContent?alt=sse`, { contents: [] }, {}, signal);
    case 'ollama':
      return post(`${server.origin}/api/chat`, { model: 'llama3.2', messages: [] }, {}, signal);
  }
}

export const FORMATS: FakeFormat[] = ['openai-chat', 'openai-responses', 'anthropic', 'gemini', 'ollama'];
