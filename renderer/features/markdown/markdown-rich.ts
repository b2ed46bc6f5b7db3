// The full Markdown pipeline: the shared syntax plus KaTeX math and highlight.js code, with their
// styles. A chunk of its own, loaded by markdown-processor.ts after the first paint.
import 'katex/dist/katex.min.css';
import './highlight-theme.css';
import rehypeHighlight from 'rehype-highlight';
import rehypeKatex from 'rehype-katex';
import { markdownToHast } from '../../../shared/markdown/syntax';
import { walk, type TreeNode } from '../../../shared/markdown/tree-walk';

/** Past this size a code block is shown plain: highlighting it would stall the UI. */
export const MAX_HIGHLIGHT_CHARS = 100_000;

function textLength(node: TreeNode): number {
  let length = 0;
  walk(node, (n) => {
    if (n.type === 'text') length += n.value?.length ?? 0;
  });
  return length;
}

/** Marks huge code blocks `no-highlight`, which rehype-highlight skips. */
function rehypeSkipHugeCode() {
  return (tree: TreeNode): void =>
    walk(tree, (node) => {
      if (node.tagName !== 'code' || textLength(node) <= MAX_HIGHLIGHT_CHARS) return;
      const props = (node.properties ??= {});
      const existing = Array.isArray(props.className) ? props.className : [];
      props.className = [...existing, 'no-highlight'];
    });
}

export const richMarkdownProcessor = markdownToHast()
  // trust: false keeps \href, \includegraphics and \html* out; the limits bound hostile macros.
  .use(rehypeKatex, { trust: false, strict: 'ignore', maxSize: 50, maxExpand: 1000 })
  .use(rehypeSkipHugeCode)
  .use(rehypeHighlight, { detect: false })
  .freeze();
