// The two Electron IPC channels: calls (renderer → main, answered) and stream events (main →
// renderer). Named once here for the preload and electron/main/ipc.ts.
export const CALL_CHANNEL = 'enclave:call';
export const STREAM_CHANNEL = 'enclave:stream';
