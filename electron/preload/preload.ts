// The bridge: one named function per contract entry, plus a stream subscription. No logic here.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { CALL_NAMES } from '../../shared/call-names';
import { CALL_CHANNEL, STREAM_CHANNEL } from '../../shared/ipc-channels';
import type { StreamEvent } from '../../shared/types';

const api: Record<string, unknown> = {
  onStreamEvents(listener: (events: StreamEvent[]) => void) {
    const wrapped = (_event: IpcRendererEvent, events: StreamEvent[]) => listener(events);
    ipcRenderer.on(STREAM_CHANNEL, wrapped);
    return () => ipcRenderer.removeListener(STREAM_CHANNEL, wrapped);
  },
};
for (const name of CALL_NAMES) api[name] = (request: unknown) => ipcRenderer.invoke(CALL_CHANNEL, name, request);

contextBridge.exposeInMainWorld('enclave', api);
