// Keeps a pane scrolled to the end of its growing answer. Reading scrollHeight forces the browser
// to lay the page out, so doing it in each pane's commit laid out four times per frame with four
// streams. Panes ask here instead, and all of them are scrolled together once this frame's commits
// are done (a microtask: still before the frame is painted), with a single layout.
const pending = new Set<HTMLElement>();

export function followEnd(el: HTMLElement): void {
  if (pending.size === 0) queueMicrotask(scrollAll);
  pending.add(el);
}

function scrollAll(): void {
  for (const el of pending) if (el.isConnected) el.scrollTop = el.scrollHeight;
  pending.clear();
}
