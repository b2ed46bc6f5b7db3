// How the renderer turns untrusted elements into ours: links and images confirm before
// leaving, code blocks get a header. Nothing here renders an <img> or follows a URL.
import type { Components, ExtraProps } from 'hast-util-to-jsx-runtime';
import { CodeBlock } from './CodeBlock';
import { ImagePlaceholder } from './ImagePlaceholder';
import { SafeLink } from './SafeLink';

type HastNode = NonNullable<ExtraProps['node']>;

const MAX_LANGUAGE_LABEL = 32;

function plainText(node: HastNode | undefined): string {
  let text = '';
  const stack = node ? [...node.children] : [];
  for (let child = stack.shift(); child; child = stack.shift()) {
    if (child.type === 'text') text += child.value;
    else if (child.type === 'element') stack.unshift(...child.children);
  }
  return text;
}

/** The fence's language, read from the `language-*` class remark gave the inner <code>. */
export function languageOf(pre: HastNode | undefined): string {
  const code = pre?.children.find((c) => c.type === 'element' && c.tagName === 'code');
  if (!code || code.type !== 'element') return '';
  const classes = code.properties.className;
  const list = Array.isArray(classes) ? classes : [];
  for (const name of list) {
    if (typeof name === 'string' && name.startsWith('language-')) {
      return name.slice('language-'.length, 'language-'.length + MAX_LANGUAGE_LABEL);
    }
  }
  return '';
}

export const markdownComponents: Components = {
  a: ({ node, href, children }) => (
    <SafeLink href={href} label={plainText(node)}>
      {children}
    </SafeLink>
  ),
  img: ({ src, alt }) => <ImagePlaceholder src={typeof src === 'string' ? src : undefined} alt={alt} />,
  pre: ({ node, children }) => <CodeBlock language={languageOf(node)}>{children}</CodeBlock>,
};
