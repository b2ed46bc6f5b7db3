// The bridge: one named function per contract entry, plus a stream subscription. No logic here.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { CALL_NAMES } from '../../shared/call-names';
import type { StreamEvent } from '../../shared/types';

const api: Record<string, unknown> = {
  onStreamEvents(listener: (events: StreamEvent[]) => void) {
    const wrapped = (_event: IpcRendererEvent, events: StreamEvent[]) => listener(events);
    ipcRenderer.on('enclave:stream', wrapped);
    return () => ipcRenderer.removeListener('enclave:stream', wrapped);
  },
};
for (const name of CALL_NAMES) api[name] = (request: unknown) => ipcRenderer.invoke('enclave:call', name, request);

contextBridge.exposeInMainWorld('enclave', api);
