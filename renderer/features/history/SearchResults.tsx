import { useRef } from 'react';
import type { SearchHit } from '../../../shared/types';
import { useSearch } from '../../state/search-store';
import { moveFocus } from '../sidebar/list-navigation';
import { countLabel, shortDate } from './format';
import { Snippet } from './Snippet';

/** Hits for the sidebar's query. Arrow keys move between hits, Enter opens one, Esc goes back to the box. */
export function SearchResults() {
  const status = useSearch((s) => s.status);
  const query = useSearch((s) => s.query);
  const run = useSearch((s) => s.run);
  const focusSearch = useSearch((s) => s.focusSearch);
  const listRef = useRef<HTMLUListElement>(null);

  const buttons = () => Array.from(listRef.current?.querySelectorAll<HTMLButtonElement>('button[data-hit-id]') ?? []);

  if (status.kind === 'idle' || (status.kind === 'loading' && query.trim() === '')) return null;
  if (status.kind === 'loading') {
    return (
      <p className="search-state muted small" role="status">
        Searching…
      </p>
    );
  }
  if (status.kind === 'error') {
    return (
      <div className="search-state" role="alert">
        <p className="error-text small">Search failed: {status.message}</p>
        <button type="button" onClick={() => void run()}>
          Try again
        </button>
      </div>
    );
  }
  if (status.hits.length === 0) {
    return (
      <p className="search-state muted small" role="status">
        No messages match “{query.trim()}”.
      </p>
    );
  }

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      focusSearch();
      return;
    }
    const all = buttons();
    const ids = all.map((b) => b.dataset.hitId ?? '');
    const current = (e.target as HTMLElement).dataset.hitId;
    if (e.key === 'ArrowUp' && ids[0] === current) {
      e.preventDefault();
      focusSearch();
      return;
    }
    const next = moveFocus(ids, current, e.key);
    if (next === undefined) return;
    e.preventDefault();
    all[ids.indexOf(next)]?.focus();
  };

  return (
    <div className="search-results">
      <p className="search-state muted small" role="status">
        {countLabel(status.hits.length, 'match')}
      </p>
      <ul ref={listRef} aria-label="Search results" onKeyDown={onKeyDown}>
        {status.hits.map((hit) => (
          <li key={hit.messageId}>
            <HitButton hit={hit} />
          </li>
        ))}
      </ul>
    </div>
  );
}

function HitButton({ hit }: { hit: SearchHit }) {
  const openHit = useSearch((s) => s.openHit);
  const who = hit.role === 'user' ? 'You' : (hit.model?.modelId ?? 'Assistant');
  return (
    <button type="button" className="search-hit" data-hit-id={hit.messageId} onClick={() => void openHit(hit)}>
      <span className="hit-title">{hit.conversationTitle || 'New chat'}</span>
      <span className="hit-meta muted">
        {who} · {shortDate(hit.createdAt)}
      </span>
      <Snippet text={hit.snippet} />
    </button>
  );
}
