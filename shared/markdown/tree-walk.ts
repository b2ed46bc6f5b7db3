// Visits every node of a unist tree (mdast or hast) without recursion: hostile input nests
// thousands of levels deep.

export interface TreeNode {
  type: string;
  value?: string;
  tagName?: string;
  properties?: Record<string, unknown>;
  children?: TreeNode[];
}

export function walk(tree: TreeNode, visit: (node: TreeNode) => void): void {
  const stack: TreeNode[] = [tree];
  for (let node = stack.pop(); node; node = stack.pop()) {
    visit(node);
    if (node.children) stack.push(...node.children);
  }
}
