// Serves the contract over Electron IPC. Every call checks that it came from the app's own
// top frame before the request is validated and run.
import { ipcMain, type WebContents } from 'electron';
import type { Core } from '../core/app';
import { dispatch } from '../core/ipc/dispatch';
import { CALL_CHANNEL, STREAM_CHANNEL } from '../../shared/ipc-channels';
import { isAppUrl } from './security-policy';

export function registerIpc(core: Core, windowContents: () => WebContents | undefined, log: (m: string) => void): void {
  ipcMain.handle(CALL_CHANNEL, async (event, name: unknown, request: unknown) => {
    const frame = event.senderFrame;
    if (!frame || frame !== event.sender.mainFrame || !isAppUrl(frame.url)) {
      log(`[enclave] refused IPC ${String(name).slice(0, 60)} from ${frame?.url ?? 'unknown frame'}`);
      return { ok: false, error: { kind: 'forbidden', message: 'Calls are accepted only from Enclave’s own window.' } };
    }
    return dispatch(core.handlers, name, request, log, core.guard);
  });
  core.onStream((events) => windowContents()?.send(STREAM_CHANNEL, events));
}
