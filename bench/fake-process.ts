// A fake provider in its own process, so the server's frame encoding never competes with the
// client being measured for the same event loop (a real provider is on another machine).
// Usage: tsx bench/fake-process.ts <format> '<behaviour json>'; prints FAKE=<json> when ready.
import { startFake, type FakeBehaviour, type FakeFormat } from '../tests/fakes/index';

const format = (process.argv[2] ?? 'openai-chat') as FakeFormat;
const behaviour = JSON.parse(process.argv[3] ?? '{}') as FakeBehaviour;
const fake = await startFake(format, behaviour);
console.log(`FAKE=${JSON.stringify({ origin: fake.origin, baseUrl: fake.baseUrl, sdkBaseUrl: fake.sdkBaseUrl })}`);
const stop = async () => {
  await fake.close();
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.stdin.on('end', () => void stop());
process.stdin.resume();
