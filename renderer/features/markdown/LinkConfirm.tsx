// The small "open this address?" popover every link and image placeholder goes through.
import { useEffect, useRef, useState } from 'react';
import { useOpenExternal } from './open-external';

type OpenState = { kind: 'asking' } | { kind: 'opening' } | { kind: 'failed'; message: string };

export interface LinkConfirmProps {
  readonly href: string;
  readonly notes: readonly string[];
  readonly onClose: () => void;
}

export function LinkConfirm({ href, notes, onClose }: LinkConfirmProps) {
  const openExternal = useOpenExternal();
  const [state, setState] = useState<OpenState>({ kind: 'asking' });
  const cancelRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    cancelRef.current?.focus();
    const onKey = (event: KeyboardEvent): void => {
      if (event.key === 'Escape') onClose();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onClose]);

  const open = async (): Promise<void> => {
    setState({ kind: 'opening' });
    const result = await openExternal(href);
    if (result.ok && result.value.opened) onClose();
    else setState({ kind: 'failed', message: result.ok ? 'The address was not opened.' : result.error.message });
  };

  return (
    <span className="md-confirm" role="dialog" aria-label="Open link in your browser?">
      <span className="md-confirm-title">Open in your browser?</span>
      <code className="md-confirm-url">{href}</code>
      {notes.map((note) => (
        <span key={note} className="md-confirm-note">
          ⚠ {note}
        </span>
      ))}
      {state.kind === 'failed' && (
        <span className="md-confirm-error" role="alert">
          {state.message}
        </span>
      )}
      <span className="md-confirm-actions">
        <button type="button" ref={cancelRef} onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="primary" disabled={state.kind === 'opening'} onClick={() => void open()}>
          Open
        </button>
      </span>
    </span>
  );
}
