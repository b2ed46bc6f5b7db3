// Options shared by the readable exporters (Markdown and HTML).
import { formatUtc } from './format-time';

/** 'current': only the branch the user is looking at; 'all': every branch of the tree. */
export type BranchMode = 'current' | 'all';

export interface ReadableExportOptions {
  branches: BranchMode;
  /** Renders an epoch-ms time. Injected so output is reproducible; defaults to UTC. */
  formatTime?: (ms: number) => string;
}

export function timeFormatter(opts: ReadableExportOptions): (ms: number) => string {
  return opts.formatTime ?? formatUtc;
}
