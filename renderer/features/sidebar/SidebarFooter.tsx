import { Suspense, useState } from 'react';
import { ExportDialog, ImportDialog } from '../../app/lazy-screens';
import { useConversations } from '../../state/conversations-store';

export function SidebarFooter() {
  const count = useConversations((s) => s.list.length);
  const [open, setOpen] = useState<'export' | 'import'>();
  return (
    <footer className="sidebar-footer">
      <button
        type="button"
        className="ghost"
        disabled={count === 0}
        title={count === 0 ? 'There is nothing to export yet' : 'Export every conversation'}
        onClick={() => setOpen('export')}
      >
        Export all…
      </button>
      <button type="button" className="ghost" onClick={() => setOpen('import')}>
        Import…
      </button>
      <Suspense fallback={null}>
        {open === 'export' && <ExportDialog scope={{ kind: 'all', count }} onClose={() => setOpen(undefined)} />}
        {open === 'import' && <ImportDialog onClose={() => setOpen(undefined)} />}
      </Suspense>
    </footer>
  );
}
