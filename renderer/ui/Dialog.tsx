import { useEffect, useId, useRef, type ReactNode } from 'react';
import './dialogs.css';

/** A modal built on <dialog>: the browser traps focus, Esc closes, and the page behind is inert. */
export function Dialog({ title, onClose, children, busy = false }: { title: string; onClose(): void; children: ReactNode; busy?: boolean }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const closeRef = useRef(onClose);
  closeRef.current = onClose;
  const busyRef = useRef(busy);
  busyRef.current = busy;

  useEffect(() => {
    // While busy (an import running), Esc must not hide a dialog that is still working.
    const dialog = ref.current;
    const onCancel = (e: Event) => {
      if (busyRef.current) e.preventDefault();
    };
    dialog?.addEventListener('cancel', onCancel);
    return () => dialog?.removeEventListener('cancel', onCancel);
  }, []);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    const onCloseEvent = () => closeRef.current();
    dialog?.addEventListener('close', onCloseEvent);
    // No close() here: StrictMode's re-run would then receive that close event and shut the
    // dialog at once. Removing the element on unmount takes it out of the top layer anyway.
    return () => dialog?.removeEventListener('close', onCloseEvent);
  }, []);

  return (
    <dialog ref={ref} className="history-dialog" aria-labelledby={titleId}>
      <header className="dialog-head">
        <h2 id={titleId}>{title}</h2>
        <button type="button" className="ghost" aria-label="Close dialog" onClick={onClose} disabled={busy}>
          ×
        </button>
      </header>
      {children}
    </dialog>
  );
}
