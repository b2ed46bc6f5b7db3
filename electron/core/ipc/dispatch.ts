// Runs one contract call: validates the request against its schema, runs the handler, and turns
// every outcome into a CallResult value. Used by Electron IPC and by the browser harness alike.
import { contract, type CallName, type CallResult, type IpcError } from '../../../shared/contract';
import { toChatError } from '../errors/error-map';
import type { Handlers } from './handlers';

export function isCallName(name: unknown): name is CallName {
  return typeof name === 'string' && Object.hasOwn(contract, name);
}

export async function dispatch(
  handlers: Handlers,
  name: unknown,
  rawRequest: unknown,
  log: (message: string) => void = console.error,
  /** Refuses a call before its request is even read (the app lock). */
  guard?: (name: CallName) => IpcError | undefined,
): Promise<CallResult<unknown>> {
  if (!isCallName(name)) {
    return { ok: false, error: { kind: 'unknown-call', message: `There is no call named ${String(name).slice(0, 80)}.` } };
  }
  const refused = guard?.(name);
  if (refused) return { ok: false, error: refused };
  const parsed = contract[name].request.safeParse(rawRequest ?? {});
  if (!parsed.success) {
    const issues = parsed.error.issues
      .slice(0, 5)
      .map((i) => `${i.path.join('.') || '(request)'}: ${i.message}`)
      .join('; ');
    return { ok: false, error: { kind: 'invalid-request', message: `Invalid ${name} request: ${issues}` } };
  }
  try {
    const handler = handlers[name] as (req: unknown) => Promise<unknown>;
    return { ok: true, value: await handler(parsed.data) };
  } catch (err) {
    // A domain error (a full disk, a locked keychain, a wrong passphrase) is the user's to fix.
    const chatError = toChatError(err);
    if (chatError) return { ok: false, error: { kind: 'failed', message: chatError.message, chatError } };
    // A bug, not a user error: log the stack (never request bodies, which may hold keys).
    log(`[enclave] ${name} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    return { ok: false, error: { kind: 'failed', message: 'Something went wrong inside Enclave. Details are in the log.' } };
  }
}
