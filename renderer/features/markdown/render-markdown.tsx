// Markdown source → React elements through the frozen pipeline: parse, transform, then
// hast-util-to-jsx-runtime with our safe components. The only place model output becomes JSX.
// Results are kept by source, so a block remounted (a virtualised list scrolling back, a pane
// reopened) is not parsed again — until math and highlighting load, which outdates them all.
import { toJsxRuntime } from 'hast-util-to-jsx-runtime';
import type { ReactElement } from 'react';
import { Fragment, jsx, jsxs } from 'react/jsx-runtime';
import { markdownComponents } from './markdown-components';
import { markdownProcessor, markdownVersion } from './markdown-processor';

const MAX_CACHED = 2000;
const MAX_CACHED_SOURCE = 50_000;
const cache = new Map<string, ReactElement>();
let cachedVersion = markdownVersion();

function parse(source: string): ReactElement {
  const processor = markdownProcessor();
  const tree = processor.runSync(processor.parse(source));
  return toJsxRuntime(tree, { Fragment, jsx, jsxs, components: markdownComponents, ignoreInvalidStyle: true, passKeys: true, passNode: true });
}

export function renderMarkdown(source: string): ReactElement {
  if (cachedVersion !== markdownVersion()) {
    cache.clear();
    cachedVersion = markdownVersion();
  }
  const hit = cache.get(source);
  if (hit) {
    // Map order is insertion order: re-inserting makes this the most recently used entry.
    cache.delete(source);
    cache.set(source, hit);
    return hit;
  }
  const element = parse(source);
  if (source.length <= MAX_CACHED_SOURCE) {
    cache.set(source, element);
    if (cache.size > MAX_CACHED) cache.delete(cache.keys().next().value!);
  }
  return element;
}
