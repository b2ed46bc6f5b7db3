// shared/ is used by both sides: importing the engine would drag Node into the renderer.
import { dispatch } from '../electron/core/ipc/dispatch';

export const run = dispatch;
