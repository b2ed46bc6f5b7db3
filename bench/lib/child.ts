// Child processes the benchmark starts (fakes, the harness): spawn, wait for a ready line, stop.
import { spawn, type ChildProcess } from 'node:child_process';

export interface Child {
  child: ChildProcess;
  /** The first capture group of the ready pattern. */
  ready: string;
  /** ms from spawn to the ready line. */
  readyMs: number;
  output(): string;
  stop(): Promise<void>;
}

/** The keychain service the bench's harnesses use, so the bench never touches the app's own entries. */
export const BENCH_KEYCHAIN_SERVICE = 'Enclave-bench';

export async function startChild(args: string[], readyPattern: RegExp, timeoutMs = 60_000): Promise<Child> {
  const started = performance.now();
  const child = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ENCLAVE_KEYCHAIN_SERVICE: BENCH_KEYCHAIN_SERVICE } });
  let out = '';
  const ready = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`child did not become ready: ${args.join(' ')}\n${out}`)), timeoutMs);
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = readyPattern.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1] ?? '');
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`child exited with ${code}: ${args.join(' ')}\n${out}`));
    });
  });
  const readyMs = performance.now() - started;
  return {
    child,
    ready,
    readyMs,
    output: () => out,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
  };
}

export interface FakeInfo {
  origin: string;
  baseUrl: string;
  sdkBaseUrl: string;
}

export async function startFakeProcess(format: string, behaviour: object): Promise<{ info: FakeInfo; stop(): Promise<void> }> {
  const c = await startChild(['--import', 'tsx', 'bench/fake-process.ts', format, JSON.stringify(behaviour)], /FAKE=(\{.*\})\n/);
  return { info: JSON.parse(c.ready) as FakeInfo, stop: c.stop };
}
