import { useEffect, useRef } from 'react';
import { useSearch } from '../../state/search-store';
import { SearchBox } from '../history/SearchBox';
import { SearchResults } from '../history/SearchResults';
import { startNewChat } from '../palette/commands';
import { isMacPlatform } from '../palette/shortcuts';
import { ConversationList } from './ConversationList';
import { SidebarFooter } from './SidebarFooter';
import './sidebar.css';

export function Sidebar() {
  const searching = useSearch((s) => s.query.trim() !== '');
  const ref = useRef<HTMLElement>(null);
  useSearchShortcut();

  return (
    <aside className="sidebar" aria-label="Conversations" ref={ref}>
      <button className="primary new-chat" onClick={() => void startNewChat()}>
        + New chat
      </button>
      <SearchBox onLeaveDown={() => ref.current?.querySelector<HTMLElement>('button[data-hit-id]')?.focus()} />
      <div className="sidebar-scroll">{searching ? <SearchResults /> : <ConversationList />}</div>
      <SidebarFooter />
    </aside>
  );
}

/** Ctrl+Shift+F (⌘⇧F on macOS) focuses the search box from anywhere. */
function useSearchShortcut() {
  useEffect(() => {
    const isMac = isMacPlatform(navigator.platform);
    const onKey = (e: KeyboardEvent) => {
      const mod = isMac ? e.metaKey : e.ctrlKey;
      if (!mod || !e.shiftKey || e.altKey || e.key.toLowerCase() !== 'f') return;
      e.preventDefault();
      useSearch.getState().focusSearch();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
