// The Markdown syntax every rendering of model output shares — the app and the HTML export —
// so the two can never disagree about what a reply says: CommonMark + GFM + math, raw HTML
// shown as text, URLs through the allowlist. Each side adds its own output stage and freezes
// the result once, at module load.
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { remarkHtmlAsText } from './html-as-text';
import { rehypeSafeUrls } from './rehype-safe-urls';

export function markdownToHast() {
  return unified().use(remarkParse).use(remarkGfm).use(remarkMath).use(remarkHtmlAsText).use(remarkRehype).use(rehypeSafeUrls);
}
