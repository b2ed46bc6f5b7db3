import { useState } from 'react';
import type { Conversation } from '../../../shared/types';
import { useApp } from '../../state/app-store';
import { useConversations } from '../../state/conversations-store';
import { groupByDate } from './group-by-date';

export function Sidebar() {
  const list = useConversations((s) => s.list);
  const activeId = useConversations((s) => s.activeId);
  const open = useConversations((s) => s.open);
  const newConversation = useConversations((s) => s.newConversation);
  const show = useApp((s) => s.show);
  const groups = groupByDate(list, Date.now());

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    e.preventDefault();
    const flat = groups.flatMap((g) => g.items);
    const i = flat.findIndex((c) => c.id === activeId);
    const next = flat[Math.max(0, Math.min(flat.length - 1, i + (e.key === 'ArrowDown' ? 1 : -1)))];
    if (next) void open(next.id);
  };

  return (
    <aside className="sidebar" aria-label="Conversations">
      <button
        className="primary new-chat"
        onClick={() => {
          show('chat');
          void newConversation();
        }}
      >
        + New chat
      </button>
      <div className="conv-list" tabIndex={0} onKeyDown={onKeyDown} role="listbox" aria-label="Conversation list">
        {list.length === 0 && <p className="muted small pad">No conversations yet.</p>}
        {groups.map((g) => (
          <section key={g.label}>
            <h3 className="group-label">{g.label}</h3>
            {g.items.map((c) => (
              <ConversationRow key={c.id} c={c} active={c.id === activeId} />
            ))}
          </section>
        ))}
      </div>
    </aside>
  );
}

function ConversationRow({ c, active }: { c: Conversation; active: boolean }) {
  const open = useConversations((s) => s.open);
  const rename = useConversations((s) => s.rename);
  const togglePin = useConversations((s) => s.togglePin);
  const remove = useConversations((s) => s.remove);
  const restore = useConversations((s) => s.restore);
  const show = useApp((s) => s.show);
  const toast = useApp((s) => s.toast);
  const [editing, setEditing] = useState(false);
  const [title, setTitle] = useState(c.title);

  if (editing) {
    return (
      <form
        className="conv-row editing"
        onSubmit={(e) => {
          e.preventDefault();
          setEditing(false);
          if (title.trim()) void rename(c.id, title.trim());
        }}
      >
        <input autoFocus aria-label="Conversation title" value={title} onChange={(e) => setTitle(e.target.value)} onBlur={() => setEditing(false)} />
      </form>
    );
  }
  return (
    <div className={active ? 'conv-row active' : 'conv-row'} role="option" aria-selected={active}>
      <button
        className="conv-title"
        onClick={() => {
          show('chat');
          void open(c.id);
        }}
        onDoubleClick={() => setEditing(true)}
        title={c.title}
      >
        {c.pinned && <span aria-label="pinned">📌 </span>}
        {c.localOnly && <span className="lock" title="Local models only">🔒 </span>}
        {c.title || 'New chat'}
      </button>
      <span className="row-actions">
        <button className="ghost" title="Rename" aria-label={`Rename ${c.title}`} onClick={() => setEditing(true)}>✎</button>
        <button className="ghost" title={c.pinned ? 'Unpin' : 'Pin'} aria-label={c.pinned ? 'Unpin' : 'Pin'} onClick={() => void togglePin(c)}>
          {c.pinned ? '⊖' : '⊕'}
        </button>
        <button
          className="ghost"
          title="Delete"
          aria-label={`Delete ${c.title}`}
          onClick={() => {
            void remove(c.id);
            toast(`Deleted “${c.title || 'New chat'}”.`, { label: 'Undo', run: () => void restore(c.id) });
          }}
        >
          🗑
        </button>
      </span>
    </div>
  );
}
