import { markdownToPlain } from '../../../shared/plain-text';
import { splitSnippet } from './snippet';

/** A search excerpt with its matches marked, as plain words (no Markdown marks). Text nodes only:
 *  the snippet is never parsed as HTML. */
export function Snippet({ text }: { text: string }) {
  return (
    <span className="hit-snippet">{splitSnippet(markdownToPlain(text)).map((part, i) => (part.match ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}</span>
  );
}
