import { useRef, useState } from 'react';
import type { Conversation } from '../../../shared/types';
import { useApp } from '../../state/app-store';
import { useConversations } from '../../state/conversations-store';
import { groupByDate } from './group-by-date';
import { moveFocus, neighbourAfterRemoval } from './list-navigation';
import { ConversationRow } from './ConversationRow';
import { RowMenu } from './RowMenu';

/**
 * Conversations grouped by date. Keyboard: ↑/↓/Home/End move, Enter opens, F2 renames,
 * Delete deletes (with Undo in the toast).
 */
export function ConversationList() {
  const list = useConversations((s) => s.list);
  const loaded = useConversations((s) => s.listLoaded);
  const listError = useConversations((s) => s.listError);
  const activeId = useConversations((s) => s.activeId);
  const [focusId, setFocusId] = useState<string>();
  const [renamingId, setRenamingId] = useState<string>();
  const [menu, setMenu] = useState<{ c: Conversation; x: number; y: number }>();
  const ref = useRef<HTMLElement>(null);
  const actions = useRowActions();

  const groups = groupByDate(list, Date.now());
  const ids = groups.flatMap((g) => g.items.map((c) => c.id));
  const tabStop = [focusId, activeId].find((id) => id !== undefined && ids.includes(id)) ?? ids[0];

  const focusRow = (id: string | undefined) => {
    if (id === undefined) return;
    setFocusId(id);
    // After React has rendered the row (it may have just left rename mode).
    requestAnimationFrame(() => ref.current?.querySelector<HTMLElement>(`[data-conv-id="${CSS.escape(id)}"]`)?.focus());
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.target instanceof HTMLInputElement) return;
    const current = (e.target as HTMLElement).closest<HTMLElement>('[data-conv-row]')?.dataset.convRow;
    if (!current) return;
    const conversation = list.find((c) => c.id === current);
    if (e.key === 'F2' && conversation) {
      e.preventDefault();
      setRenamingId(current);
    } else if (e.key === 'Delete' && conversation) {
      e.preventDefault();
      const next = neighbourAfterRemoval(ids, current);
      actions.remove(conversation);
      focusRow(next);
    } else {
      const next = moveFocus(ids, current, e.key);
      if (next === undefined) return;
      e.preventDefault();
      focusRow(next);
    }
  };

  if (!loaded) {
    return (
      <p className="muted small pad" role="status">
        Loading conversations…
      </p>
    );
  }
  if (listError && list.length === 0) {
    return (
      <div className="pad" role="alert">
        <p className="error-text small">Could not load your conversations: {listError}</p>
        <button type="button" onClick={() => void useConversations.getState().loadList()}>
          Try again
        </button>
      </div>
    );
  }
  if (list.length === 0) {
    return <p className="muted small pad sidebar-empty">No conversations yet. Start one with “New chat”.</p>;
  }
  return (
    <nav className="conv-list" aria-label="Conversation list" ref={ref} onKeyDown={onKeyDown}>
      {groups.map((g) => (
        <section key={g.label} aria-labelledby={`group-${g.label}`}>
          <h3 className="group-label" id={`group-${g.label}`}>
            {g.label}
          </h3>
          <ul className="conv-group">
            {g.items.map((c) => (
              <li key={c.id} data-conv-row={c.id}>
                <ConversationRow
                  c={c}
                  active={c.id === activeId}
                  tabStop={c.id === tabStop}
                  renaming={c.id === renamingId}
                  onOpen={() => actions.open(c.id)}
                  onStartRename={() => setRenamingId(c.id)}
                  onRename={(title) => {
                    setRenamingId(undefined);
                    if (title !== undefined) actions.rename(c.id, title);
                    focusRow(c.id);
                  }}
                  onTogglePin={() => actions.togglePin(c)}
                  onDelete={() => actions.remove(c)}
                  onFocus={() => setFocusId(c.id)}
                  onMenu={(x, y) => setMenu({ c, x, y })}
                />
              </li>
            ))}
          </ul>
        </section>
      ))}
      {menu && (
        <RowMenu
          x={menu.x}
          y={menu.y}
          label={`Actions for ${menu.c.title || 'New chat'}`}
          onClose={() => {
            const id = menu.c.id;
            setMenu(undefined);
            focusRow(id);
          }}
          items={[
            { label: 'Open', run: () => actions.open(menu.c.id) },
            { label: 'Rename', run: () => setRenamingId(menu.c.id) },
            { label: menu.c.pinned ? 'Unpin' : 'Pin to the top', run: () => actions.togglePin(menu.c) },
            { label: 'Delete', danger: true, run: () => actions.remove(menu.c) },
          ]}
        />
      )}
    </nav>
  );
}

function useRowActions() {
  const toast = useApp((s) => s.toast);
  const report = (p: Promise<unknown>) => void p.catch((err: unknown) => toast(err instanceof Error ? err.message : String(err)));
  return {
    open(id: string) {
      useApp.getState().show('chat');
      report(useConversations.getState().open(id));
    },
    rename: (id: string, title: string) => report(useConversations.getState().rename(id, title)),
    togglePin: (c: Conversation) => report(useConversations.getState().togglePin(c)),
    remove(c: Conversation) {
      const { remove, restore } = useConversations.getState();
      report(remove(c.id));
      toast(`Deleted “${c.title || 'New chat'}”.`, { label: 'Undo', run: () => report(restore(c.id)) });
    },
  };
}
