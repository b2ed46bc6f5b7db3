// electron/core runs under plain Node: reaching up into electron/main breaks the harness and tests.
import { registerIpc } from '../../main/ipc';

export const wire = registerIpc;
