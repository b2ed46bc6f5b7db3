// Message text → HTML: the reply's Markdown, rendered inert (see html-markdown.ts).
import { markdownHtml } from './html-markdown';

export function textHtml(text: string): string {
  return markdownHtml(text);
}
