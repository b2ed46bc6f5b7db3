import { createCore } from '../../electron/core/app';
export const core = createCore;
