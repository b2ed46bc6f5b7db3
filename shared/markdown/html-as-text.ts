// Raw HTML in model output is shown as the text it is, never parsed into elements.
import { walk, type TreeNode } from './tree-walk';

const FLOW_PARENTS: ReadonlySet<string> = new Set(['root', 'blockquote', 'listItem', 'footnoteDefinition']);

/** remark plugin: every `html` node becomes a text node (in a paragraph where a block is expected). */
export function remarkHtmlAsText() {
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
