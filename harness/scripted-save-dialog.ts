// Tests only: a stand-in for Electron's save dialog and "Show in folder", so end-to-end tests can
// drive the desktop export flow in the browser. ENCLAVE_TEST_SAVE_AS_DIR names the folder the
// "user" picks; each answer is the suggested name there. Reveals are printed, not opened.
import { join } from 'node:path';
import type { CoreOptions } from '../electron/core/app';

export function scriptedSaveDialog(env: NodeJS.ProcessEnv): Pick<CoreOptions, 'chooseSavePath' | 'showItemInFolder'> {
  const dir = env['ENCLAVE_TEST_SAVE_AS_DIR'];
  if (!dir) return {};
  return {
    chooseSavePath: async ({ suggestedName }) => join(dir, suggestedName),
    showItemInFolder: (path) => console.log(`[harness] show in folder: ${path}`),
  };
}
