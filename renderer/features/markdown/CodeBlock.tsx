// A fenced code block: a header with the language and a Copy button above the highlighted code.
import { useEffect, useRef, useState, type ReactNode } from 'react';

const COPIED_FOR_MS = 1500;

type CopyState = 'idle' | 'copied' | 'failed';
const COPY_LABEL: Record<CopyState, string> = { idle: 'Copy', copied: 'Copied', failed: 'Copy failed' };

export interface CodeBlockProps {
  /** From the fence's info string; untrusted, shown only as text. */
  readonly language: string;
  readonly children?: ReactNode;
}

export function CodeBlock({ language, children }: CodeBlockProps) {
  const preRef = useRef<HTMLPreElement>(null);
  const [copy, setCopy] = useState<CopyState>('idle');

  useEffect(() => {
    if (copy === 'idle') return;
    const timer = setTimeout(() => setCopy('idle'), COPIED_FOR_MS);
    return () => clearTimeout(timer);
  }, [copy]);

  // Read the text from the DOM when asked, rather than flattening the tree on every render.
  const copyCode = async (): Promise<void> => {
    try {
      await navigator.clipboard.writeText(preRef.current?.textContent ?? '');
      setCopy('copied');
    } catch {
      setCopy('failed');
    }
  };

  return (
    <div className="md-code">
      <div className="md-code-header">
        <span className="md-code-lang">{language === '' ? 'text' : language}</span>
        <button type="button" className="md-code-copy" onClick={() => void copyCode()} aria-label="Copy code">
          {COPY_LABEL[copy]}
        </button>
      </div>
      <pre ref={preRef}>{children}</pre>
    </div>
  );
}
