// The unified plugins every rendering of model output uses, in one place so the streaming
// renderer and the naive baseline can never drift apart.
import type { Options } from 'react-markdown';
import rehypeHighlight from 'rehype-highlight';
import rehypeKatex from 'rehype-katex';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';

/** Past this size a code block is shown plain: highlighting it would stall the UI. */
export const MAX_HIGHLIGHT_CHARS = 100_000;

interface TreeNode {
  type: string;
  value?: string;
  tagName?: string;
  properties?: Record<string, unknown>;
  children?: TreeNode[];
}

function walk(tree: TreeNode, visit: (node: TreeNode) => void): void {
  // Iterative: hostile input nests thousands of levels deep.
  const stack: TreeNode[] = [tree];
  for (let node = stack.pop(); node; node = stack.pop()) {
    visit(node);
    if (node.children) stack.push(...node.children);
  }
}

const FLOW_PARENTS: ReadonlySet<string> = new Set(['root', 'blockquote', 'listItem', 'footnoteDefinition']);

/** Raw HTML in model output is shown as the text it is, never parsed into elements. */
function remarkHtmlAsText() {
  return (tree: TreeNode): void =>
    walk(tree, (parent) => {
      if (!parent.children) return;
      const flow = FLOW_PARENTS.has(parent.type);
      parent.children = parent.children.map((node) => {
        if (node.type !== 'html') return node;
        const text: TreeNode = { type: 'text', value: node.value ?? '' };
        return flow ? { type: 'paragraph', children: [text] } : text;
      });
    });
}

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

// rehype-highlight builds its highlighter (37 grammars, ~5 ms) each time the plugin is attached,
// and react-markdown attaches plugins on every render. Its transformer keeps no per-document
// state, so one instance serves every block.
const highlightTransformer = rehypeHighlight({ detect: false });
function rehypeHighlightShared() {
  return highlightTransformer;
}

export const remarkPlugins: NonNullable<Options['remarkPlugins']> = [remarkGfm, remarkMath, remarkHtmlAsText];

export const rehypePlugins: NonNullable<Options['rehypePlugins']> = [
  // trust: false keeps \href, \includegraphics and \html* out; the limits bound hostile macros.
  [rehypeKatex, { trust: false, strict: 'ignore', maxSize: 50, maxExpand: 1000, throwOnError: false }],
  rehypeSkipHugeCode,
  rehypeHighlightShared,
];
