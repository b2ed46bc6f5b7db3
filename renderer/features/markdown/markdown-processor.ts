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
      warmUp();
    },
    (err: unknown) => {
      loading = undefined;
      throw err;
    },
  );
  return loading;
}

/** Every construct a reply commonly has, so each part of the pipeline has run once. */
const WARM_UP_SAMPLE = [
  '## Heading with *emphasis*, **strong** and `code`',
  'A paragraph with a [link](https://example.com) and inline math $x^2$.',
  '- a list item\n- another\n\n1. first\n2. second',
  '> a quote',
  '```ts\nexport const answer: number = 42;\n```',
  '| a | b |\n|---|---|\n| 1 | 2 |',
  '$$\n\\sum_{i=1}^{n} i\n$$',
].join('\n\n');

/**
 * Runs the pipeline once on a sample when the main thread is idle: its code is compiled then, not
 * while the first conversation someone opens waits for it (the first open measured 2–4× a later one).
 */
function warmUp(): void {
  const run = () => {
    try {
      current.runSync(current.parse(WARM_UP_SAMPLE));
    } catch {
      // A warm-up only; the real render reports its own errors.
    }
  };
  if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: 2000 });
  else setTimeout(run, 0);
}
