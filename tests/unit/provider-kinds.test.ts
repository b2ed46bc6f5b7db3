import { expect, test } from 'vitest';
import { KIND_INFO } from '../../renderer/features/connections/provider-kinds';
import { effectiveBaseUrl, keyHeaders } from '../../shared/provider-kinds';

test('each provider gets its key in the header its API documents', () => {
  expect(keyHeaders('openai', 'sk-1')).toEqual({ authorization: 'Bearer sk-1' });
  expect(keyHeaders('anthropic', 'sk-ant-1')).toEqual({ 'x-api-key': 'sk-ant-1' });
  expect(keyHeaders('google', 'AIza1')).toEqual({ 'x-goog-api-key': 'AIza1' });
  expect(keyHeaders('ollama', undefined)).toEqual({});
  expect(keyHeaders('builtin', 'anything')).toEqual({});
});

test('a connection without its own address uses the provider default; a self-hosted server has none', () => {
  expect(effectiveBaseUrl('anthropic')).toBe('https://api.anthropic.com/v1');
  expect(effectiveBaseUrl('anthropic', 'https://proxy.example/v1')).toBe('https://proxy.example/v1');
  expect(effectiveBaseUrl('openai-compatible')).toBeUndefined();
  expect(effectiveBaseUrl('ollama')).toBe('http://127.0.0.1:11434');
});

test('the connection form prefills a local server address and shows a cloud default greyed out', () => {
  expect(KIND_INFO.ollama).toMatchObject({ label: 'Ollama', needsUrl: true, defaultUrl: 'http://127.0.0.1:11434' });
  expect(KIND_INFO['openai-compatible']).toMatchObject({ needsUrl: true, defaultUrl: 'http://127.0.0.1:1234/v1' });
  expect(KIND_INFO.openai).toMatchObject({ needsKey: true, placeholderUrl: 'https://api.openai.com/v1' });
  expect(KIND_INFO.openai.defaultUrl).toBeUndefined();
  expect(KIND_INFO.builtin).toMatchObject({ inApp: true, needsKey: false });
});
