import { Search } from 'lucide-react';
import { useEffect, useRef } from 'react';
import { useSearch } from '../../state/search-store';
import { SearchFilters } from './SearchFilters';
import './history.css';

/** The sidebar's search field. Ctrl/Cmd+Shift+F (or focusSearch()) puts the cursor here. */
export function SearchBox({ onLeaveDown }: { onLeaveDown: () => void }) {
  const query = useSearch((s) => s.query);
  const setQuery = useSearch((s) => s.setQuery);
  const clear = useSearch((s) => s.clear);
  const focusRequest = useSearch((s) => s.focusRequest);
  const ref = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (focusRequest === 0) return;
    ref.current?.focus();
    ref.current?.select();
  }, [focusRequest]);

  return (
    <div className="search-box" role="search">
      <div className="search-field">
        <Search className="search-icon" size={14} aria-hidden />
        <input
          ref={ref}
          type="search"
          aria-label="Search messages"
          aria-keyshortcuts="Control+Shift+F Meta+Shift+F"
          placeholder="Search messages…"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape' && query !== '') {
              e.preventDefault();
              clear();
            } else if (e.key === 'ArrowDown' && query.trim() !== '') {
              e.preventDefault();
              onLeaveDown();
            }
          }}
        />
      </div>
      {query.trim() !== '' && <SearchFilters />}
    </div>
  );
}
