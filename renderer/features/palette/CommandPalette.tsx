import { useEffect, useMemo, useRef, useState } from 'react';
import { buildCommands, filterCommands } from './commands';
import { isMacPlatform } from './shortcuts';
import { useOverlays } from './ui-store';
import './palette.css';

/** Ctrl/Cmd+K: type to filter, arrows to move, Enter to run, Esc to close. */
export function CommandPalette() {
  const isMac = isMacPlatform(navigator.platform);
  const commands = useMemo(() => buildCommands(isMac), [isMac]);
  const [query, setQuery] = useState('');
  const [index, setIndex] = useState(0);
  const inputRef = useRef<HTMLInputElement>(null);
  const returnFocus = useRef<Element | null>(document.activeElement);
  const shown = filterCommands(commands, query);
  const active = shown[Math.min(index, shown.length - 1)];

  useEffect(() => inputRef.current?.focus(), []);

  const close = (restoreFocus: boolean) => {
    useOverlays.getState().close('palette');
    if (restoreFocus && returnFocus.current instanceof HTMLElement) returnFocus.current.focus();
  };
  const run = (i: number) => {
    const command = shown[i];
    if (!command) return;
    close(true);
    command.run();
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === 'ArrowDown') setIndex((i) => (shown.length ? (Math.min(i, shown.length - 1) + 1) % shown.length : 0));
    else if (e.key === 'ArrowUp') setIndex((i) => (shown.length ? (Math.min(i, shown.length - 1) - 1 + shown.length) % shown.length : 0));
    else if (e.key === 'Enter') run(Math.min(index, shown.length - 1));
    else if (e.key === 'Escape') close(true);
    else return;
    e.preventDefault();
    e.stopPropagation();
  };

  return (
    <div className="overlay-backdrop" onMouseDown={(e) => e.target === e.currentTarget && close(true)}>
      <div className="palette" role="dialog" aria-modal="true" aria-label="Command palette">
        <input
          ref={inputRef}
          className="palette-input"
          role="combobox"
          aria-expanded="true"
          aria-controls="palette-list"
          aria-autocomplete="list"
          aria-activedescendant={active ? `cmd-${active.id}` : undefined}
          aria-label="Type a command"
          placeholder="Type a command…"
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setIndex(0);
          }}
          onKeyDown={onKeyDown}
        />
        <ul id="palette-list" role="listbox" aria-label="Commands" className="palette-list">
          {shown.map((c, i) => (
            <li
              key={c.id}
              id={`cmd-${c.id}`}
              role="option"
              aria-selected={c === active}
              className={c === active ? 'palette-item active' : 'palette-item'}
              onMouseMove={() => i !== index && setIndex(i)}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => run(i)}
            >
              <span>{c.label}</span>
              {c.keys && <kbd>{c.keys}</kbd>}
            </li>
          ))}
        </ul>
        {shown.length === 0 && (
          <p className="palette-empty muted" role="status">
            No command matches “{query}”.
          </p>
        )}
      </div>
    </div>
  );
}
