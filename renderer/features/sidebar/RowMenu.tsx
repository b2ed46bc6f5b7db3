// The right-click menu of a conversation row (also Shift+F10 or the Menu key): the row's actions
// in one place, operable from the keyboard, closed by Escape or a click elsewhere.
import { useEffect, useRef, useState } from 'react';

export interface RowMenuItem {
  label: string;
  run(): void;
  danger?: boolean;
}

export function RowMenu({ x, y, label, items, onClose }: { x: number; y: number; label: string; items: RowMenuItem[]; onClose(): void }) {
  const ref = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);

  useEffect(() => {
    ref.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]')[active]?.focus();
  }, [active]);
  useEffect(() => {
    const onDown = (e: MouseEvent) => {
      if (ref.current && !ref.current.contains(e.target as Node)) onClose();
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [onClose]);

  // Kept inside the window: a row near the bottom opens its menu upwards.
  const top = Math.min(y, window.innerHeight - (items.length * 32 + 16));
  const left = Math.min(x, window.innerWidth - 200);

  return (
    <div
      ref={ref}
      className="row-menu"
      role="menu"
      aria-label={label}
      style={{ top, left }}
      onKeyDown={(e) => {
        if (e.key === 'ArrowDown') setActive((i) => (i + 1) % items.length);
        else if (e.key === 'ArrowUp') setActive((i) => (i - 1 + items.length) % items.length);
        else if (e.key === 'Home') setActive(0);
        else if (e.key === 'End') setActive(items.length - 1);
        else if (e.key === 'Escape' || e.key === 'Tab') onClose();
        else return;
        e.preventDefault();
        e.stopPropagation();
      }}
    >
      {items.map((item, i) => (
        <button
          key={item.label}
          type="button"
          role="menuitem"
          tabIndex={i === active ? 0 : -1}
          className={item.danger ? 'danger' : undefined}
          onMouseEnter={() => setActive(i)}
          onClick={() => {
            onClose();
            item.run();
          }}
        >
          {item.label}
        </button>
      ))}
    </div>
  );
}
