import { Lock } from 'lucide-react';
import { useRef, useState } from 'react';
import type { Conversation } from '../../../shared/types';
import { PencilIcon, PinIcon, TrashIcon } from './icons';

export interface ConversationRowProps {
  c: Conversation;
  active: boolean;
  /** The one row reachable with Tab (roving tabindex); arrows move between rows. */
  tabStop: boolean;
  renaming: boolean;
  onOpen(): void;
  onStartRename(): void;
  onRename(title: string | undefined): void;
  onTogglePin(): void;
  onDelete(): void;
  onFocus(): void;
  /** Right-click, Shift+F10 or the Menu key: open the row's menu at this point. */
  onMenu(x: number, y: number): void;
}

export function ConversationRow(props: ConversationRowProps) {
  const { c, active, tabStop, renaming } = props;
  const title = c.title || 'New chat';
  if (renaming) return <RenameField initial={c.title} onDone={props.onRename} />;
  const tab = tabStop ? 0 : -1;
  return (
    <div className={active ? 'conv-row active' : 'conv-row'}>
      <button
        className="conv-title"
        data-conv-id={c.id}
        tabIndex={tab}
        aria-current={active ? 'page' : undefined}
        aria-keyshortcuts="F2 Delete"
        onClick={props.onOpen}
        onDoubleClick={props.onStartRename}
        onFocus={props.onFocus}
        onContextMenu={(e) => {
          e.preventDefault();
          props.onMenu(e.clientX, e.clientY);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ContextMenu' || (e.key === 'F10' && e.shiftKey)) {
            e.preventDefault();
            const r = e.currentTarget.getBoundingClientRect();
            props.onMenu(r.left + 16, r.bottom);
          }
        }}
        title={title}
      >
        {c.pinned && (
          <span className="conv-pin" role="img" aria-label="Pinned">
            <PinIcon filled />
          </span>
        )}
        {c.localOnly && (
          <span className="lock" role="img" aria-label="Local models only" title="Local models only">
            <Lock size={12} aria-hidden />
          </span>
        )}
        <span className="conv-name">{title}</span>
      </button>
      <span className="row-actions">
        <button className="ghost icon" tabIndex={tab} title="Rename (F2)" aria-label={`Rename ${title}`} onClick={props.onStartRename}>
          <PencilIcon />
        </button>
        <button
          className="ghost icon"
          tabIndex={tab}
          title={c.pinned ? 'Unpin' : 'Pin to the top'}
          aria-label={c.pinned ? `Unpin ${title}` : `Pin ${title}`}
          aria-pressed={c.pinned}
          onClick={props.onTogglePin}
        >
          <PinIcon filled={c.pinned} />
        </button>
        <button className="ghost icon" tabIndex={tab} title="Delete (Del)" aria-label={`Delete ${title}`} onClick={props.onDelete}>
          <TrashIcon />
        </button>
      </span>
    </div>
  );
}

/** Enter or leaving the field saves; Esc keeps the old title. */
function RenameField({ initial, onDone }: { initial: string; onDone(title: string | undefined): void }) {
  const [value, setValue] = useState(initial);
  const done = useRef(false);
  const finish = (save: boolean) => {
    // Unmounting the focused field can fire blur after Enter or Esc already finished it.
    if (done.current) return;
    done.current = true;
    const next = value.trim();
    onDone(save && next !== '' && next !== initial ? next : undefined);
  };
  return (
    // Not a <form>: the harness page is sandboxed without allow-forms, which blocks submit events.
    <div className="conv-row editing">
      <input
        autoFocus
        aria-label="Conversation title"
        value={value}
        maxLength={200}
        onChange={(e) => setValue(e.target.value)}
        onFocus={(e) => e.target.select()}
        onKeyDown={(e) => {
          if (e.key === 'Escape' || e.key === 'Enter') {
            e.preventDefault();
            e.stopPropagation();
            finish(e.key === 'Enter');
          }
        }}
        onBlur={() => finish(true)}
      />
    </div>
  );
}
