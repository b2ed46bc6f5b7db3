// ChatGPT's `mapping` as a tree we can walk: who the roots are and each node's children.
// `parent` links are the truth (a node has one); `children` arrays only give the order.
import type { ChatGptConversation } from './chatgpt-schema';

type Mapping = ChatGptConversation['mapping'];

export interface MappingTree {
  roots: string[];
  childrenOf(nodeId: string): string[];
}

export function mappingTree(mapping: Mapping): MappingTree {
  const children = new Map<string, string[]>();
  const roots: string[] = [];
  for (const [nodeId, node] of Object.entries(mapping)) {
    const parent = node.parent;
    if (parent && parent !== nodeId && Object.hasOwn(mapping, parent)) {
      const list = children.get(parent);
      if (list) list.push(nodeId);
      else children.set(parent, [nodeId]);
    } else {
      roots.push(nodeId);
    }
  }
  for (const [parent, list] of children) {
    const order = mapping[parent]?.children ?? [];
    const rank = (id: string) => {
      const at = order.indexOf(id);
      return at === -1 ? Number.MAX_SAFE_INTEGER : at;
    };
    list.sort((a, b) => rank(a) - rank(b));
  }
  return { roots, childrenOf: (nodeId) => children.get(nodeId) ?? [] };
}
