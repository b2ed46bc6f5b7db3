// Demo mode: simulated local servers on loopback, so someone with no key and no Ollama can try
// Enclave. They speak the real wire formats (the same fakes the tests use).
import { startFake } from '../tests/fakes/index';
import type { ConnectionView } from '../shared/types';
import { demoReply } from './demo-reply';

export async function startDemoServers() {
  const ollama = await startFake('ollama', { answer: demoReply, tokensPerSecond: 60, models: ['llama3.2:3b', 'qwen2.5:7b'], reasoning: [] });
  const lmstudio = await startFake('openai-chat', { answer: demoReply, tokensPerSecond: 90, models: ['mistral-7b-instruct', 'phi-4-mini'] }, { flavor: 'lmstudio' });
  const createdAt = Date.now();
  const connections: ConnectionView[] = [
    { id: 'demo-ollama', kind: 'ollama', name: 'Demo Ollama', baseUrl: ollama.origin, local: true, extraModels: [], createdAt, demo: true },
    { id: 'demo-lmstudio', kind: 'openai-compatible', name: 'Demo LM Studio', baseUrl: lmstudio.baseUrl, local: true, extraModels: [], createdAt, demo: true },
  ];
  return {
    connections,
    async close() {
      await Promise.all([ollama.close(), lmstudio.close()]);
    },
  };
}
