// A second IPC door: handlers registered outside electron/main/ipc.ts skip its sender check.
import { ipcMain } from 'electron';

ipcMain.handle('enclave:secret', async () => 'a key');
