// Which blocks must re-render when a message's text changes. MessageMarkdown keys blocks by
// index and memoises each on `sameBlockProps`, so React skips exactly the blocks this plan
// marks as kept: the tests of `planBlockUpdates` are tests of the render behaviour.

/** The props a rendered block depends on; nothing else may reach MarkdownBlock. */
export interface BlockProps {
  readonly source: string;
  /** Link-reference and footnote definitions from elsewhere in the message ('' when unused). */
  readonly definitions: string;
}

export function sameBlockProps(a: BlockProps, b: BlockProps): boolean {
  return a.source === b.source && a.definitions === b.definitions;
}

export interface BlockUpdatePlan {
  /** Indices rendered again (changed or new). */
  readonly render: number[];
  /** Indices whose block is untouched and whose render React skips. */
  readonly keep: number[];
  /** How many trailing blocks disappeared. */
  readonly removed: number;
}

export function planBlockUpdates(prev: readonly BlockProps[], next: readonly BlockProps[]): BlockUpdatePlan {
  const render: number[] = [];
  const keep: number[] = [];
  next.forEach((block, i) => {
    const before = prev[i];
    if (before && sameBlockProps(before, block)) keep.push(i);
    else render.push(i);
  });
  return { render, keep, removed: Math.max(0, prev.length - next.length) };
}
