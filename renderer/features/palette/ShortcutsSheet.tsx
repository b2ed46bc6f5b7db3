import { useEffect, useRef } from 'react';
import { ShortcutsList } from './ShortcutsList';
import { useOverlays } from './ui-store';
import './palette.css';

export function ShortcutsSheet() {
  const closeRef = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef<Element | null>(document.activeElement);
  useEffect(() => closeRef.current?.focus(), []);
  const close = () => {
    useOverlays.getState().close('shortcuts');
    if (returnFocus.current instanceof HTMLElement) returnFocus.current.focus();
  };
  return (
    <div className="overlay-backdrop" onMouseDown={(e) => e.target === e.currentTarget && close()}>
      <div
        className="sheet"
        role="dialog"
        aria-modal="true"
        aria-labelledby="shortcuts-title"
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            e.stopPropagation();
            close();
          }
        }}
      >
        <div className="sheet-head">
          <h2 id="shortcuts-title">Keyboard shortcuts</h2>
          <button ref={closeRef} type="button" className="ghost" aria-label="Close" onClick={close}>
            ×
          </button>
        </div>
        <ShortcutsList />
      </div>
    </div>
  );
}
