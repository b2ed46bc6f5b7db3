// Message text → HTML for the export, through the same Markdown syntax as the app
// (shared/markdown/syntax.ts): lists, emphasis, tables, code and math source are real HTML. The
// file must open without loading or running anything, so the tree is made inert before it is
// serialised: only https links stay links, images become their address as text, task-list
// checkboxes become ☐/☑, and message headings start at <h3> under the page's own <h1>/<h2>.
import rehypeStringify from 'rehype-stringify';
import { formattingFor } from '../markdown/complexity-guard';
import { markdownToHast } from '../markdown/syntax';
import { walk, type TreeNode } from '../markdown/tree-walk';
import { escapeHtml } from './html-escape';

const HEADING = /^h([1-6])$/;

function isHttps(url: unknown): url is string {
  return typeof url === 'string' && url.startsWith('https://');
}

const text = (value: string): TreeNode => ({ type: 'text', value });

/** What an element of a reply becomes in the export; `undefined` keeps it. */
function inert(node: TreeNode): TreeNode[] | undefined {
  const props = node.properties ?? {};
  switch (node.tagName) {
    case 'a': {
      if (props.dataFootnoteBackref !== undefined) return [];
      if (isHttps(props.href)) {
        node.properties = { href: props.href, rel: 'noopener noreferrer' };
        return undefined;
      }
      const href = typeof props.href === 'string' ? props.href : '';
      const shownUrl = href === '' || href.startsWith('#') ? [] : [text(` (${href})`)];
      return [...(node.children ?? []), ...shownUrl];
    }
    case 'img': {
      const alt = typeof props.alt === 'string' && props.alt !== '' ? `image: ${props.alt}` : 'image';
      const src = typeof props.src === 'string' && props.src !== '' ? ` ${props.src}` : '';
      return [{ type: 'element', tagName: 'span', properties: { className: ['image-ref'] }, children: [text(`[${alt}]${src}`)] }];
    }
    case 'input':
      return [text(props.checked ? '☑' : '☐')];
    default:
      return undefined;
  }
}

/** rehype plugin: the export's safety and outline rules, see the file comment. */
function rehypeExportInert() {
  return (tree: TreeNode): void =>
    walk(tree, (parent) => {
      const heading = HEADING.exec(parent.tagName ?? '');
      if (heading) parent.tagName = `h${Math.min(6, Number(heading[1]) + 2)}`;
      if (parent.tagName === 'pre') labelCode(parent);
      if (!parent.children) return;
      parent.children = parent.children.flatMap((child) => (child.type === 'element' ? (inert(child) ?? [child]) : [child]));
    });
}

/** `<pre><code class="language-x">` → `<pre><span class="lang">x</span><code>`. */
function labelCode(pre: TreeNode): void {
  const code = pre.children?.find((c) => c.tagName === 'code');
  if (!code) return;
  const classes = code.properties?.className;
  const language = (Array.isArray(classes) ? classes : []).find((c): c is string => typeof c === 'string' && c.startsWith('language-'));
  code.properties = {};
  const last = code.children?.at(-1);
  if (last?.type === 'text' && last.value?.endsWith('\n')) last.value = last.value.slice(0, -1);
  if (language && language !== 'language-math') {
    pre.children = [{ type: 'element', tagName: 'span', properties: { className: ['lang'] }, children: [text(language.slice('language-'.length))] }, code];
  }
}

const exportProcessor = markdownToHast()
  .use(rehypeExportInert)
  .use(rehypeStringify, { characterReferences: { useNamedReferences: true } })
  .freeze();

/** A message's Markdown as HTML; text too complex to format is kept as plain text. */
export function markdownHtml(source: string): string {
  if (formattingFor(source).kind === 'plain') return `<p>${escapeHtml(source)}</p>`;
  return String(exportProcessor.processSync(source));
}
