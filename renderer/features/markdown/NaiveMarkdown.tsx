// Benchmark baseline: the whole message through react-markdown on every update, with the
// same plugins and safety rules as MessageMarkdown. Not for use in the app.
import { renderMarkdown } from './MarkdownBlock';

export interface NaiveMarkdownProps {
  readonly text: string;
  /** Accepted so it is a drop-in for MessageMarkdown in the benchmark; ignored. */
  readonly streaming?: boolean;
}

export function NaiveMarkdown({ text }: NaiveMarkdownProps) {
  return <div className="md">{renderMarkdown(text)}</div>;
}
