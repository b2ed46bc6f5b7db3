import { Suspense, useState } from 'react';
import { ExportDialog } from '../../app/lazy-screens';
import { useConversations } from '../../state/conversations-store';

/** "Export…" in the chat header: the active conversation, in a format the user picks. */
export function ExportButton() {
  const conversation = useConversations((s) => s.conversation);
  const empty = useConversations((s) => s.messages.length === 0);
  const [open, setOpen] = useState(false);
  if (!conversation) return null;
  return (
    <>
      <button
        type="button"
        className="ghost export-button"
        disabled={empty}
        title={empty ? 'Nothing to export yet' : 'Export this conversation'}
        aria-haspopup="dialog"
        onClick={() => setOpen(true)}
      >
        Export…
      </button>
      <Suspense fallback={null}>{open && <ExportDialog scope={{ kind: 'one', id: conversation.id, title: conversation.title }} onClose={() => setOpen(false)} />}</Suspense>
    </>
  );
}
