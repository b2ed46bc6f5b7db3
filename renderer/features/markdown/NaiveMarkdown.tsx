// Benchmark baseline: the whole message through the same pipeline on every update, with the
// same plugins and safety rules as MessageMarkdown. Not for use in the app.
import { renderMarkdown } from './render-markdown';

export interface NaiveMarkdownProps {
  readonly text: string;
  /** Accepted so it is a drop-in for MessageMarkdown in the benchmark; ignored. */
  readonly streaming?: boolean;
}

export function NaiveMarkdown({ text }: NaiveMarkdownProps) {
  return <div className="md">{renderMarkdown(text)}</div>;
}
