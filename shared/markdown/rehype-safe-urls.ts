// Every URL-valued attribute (href, src, cite, …) passes through safeUrl: a blocked address
// becomes '', which the app shows as a disabled link and the export as text.
import { urlAttributes } from 'html-url-attributes';
import { safeUrl } from './safe-url';
import { walk, type TreeNode } from './tree-walk';

export function rehypeSafeUrls() {
  return (tree: TreeNode): void =>
    walk(tree, (node) => {
      if (node.type !== 'element' || !node.properties) return;
      for (const [name, tags] of Object.entries(urlAttributes)) {
        if (!Object.hasOwn(node.properties, name)) continue;
        if (tags === null || tags.includes(node.tagName ?? '')) node.properties[name] = safeUrl(String(node.properties[name] ?? ''));
      }
    });
}
