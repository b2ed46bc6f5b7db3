// The app's Markdown pipeline, built and frozen once: plugins attach a single time (rehype-
// highlight's 37 grammars alone took ~5 ms per attach), then every block only parses.
// KaTeX and highlight.js are most of the Markdown stack's weight and no first paint needs them,
// so the pipeline starts without them (math shows as its source, code unhighlighted) and the
// full one replaces it when its chunk has loaded; subscribers render again then.
import { markdownToHast } from '../../../shared/markdown/syntax';

type Processor = ReturnType<ReturnType<typeof markdownToHast>['freeze']>;

let current: Processor = markdownToHast().freeze();
let version = 0;
let loading: Promise<void> | undefined;
const listeners = new Set<() => void>();

export function markdownProcessor(): Processor {
  return current;
}

/** Changes once, when math and highlighting arrive: what rendered before is stale then. */
export function markdownVersion(): number {
  return version;
}

export function onMarkdownVersion(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Loads math and highlighting (once; again after a failed load) and re-renders subscribers. */
export function loadRichMarkdown(): Promise<void> {
  loading ??= import('./markdown-rich').then(
    ({ richMarkdownProcessor }) => {
      current = richMarkdownProcessor;
      version += 1;
      for (const listener of listeners) listener();
    },
    (err: unknown) => {
      loading = undefined;
      throw err;
    },
  );
  return loading;
}
