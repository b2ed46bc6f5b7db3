// Which row a navigation key moves to in a flat list of ids. Pure: the list components own focus.

export function moveFocus(ids: readonly string[], current: string | undefined, key: string): string | undefined {
  if (ids.length === 0) return undefined;
  const i = current === undefined ? -1 : ids.indexOf(current);
  switch (key) {
    case 'ArrowDown':
      return ids[i < 0 ? 0 : Math.min(ids.length - 1, i + 1)];
    case 'ArrowUp':
      return ids[i < 0 ? ids.length - 1 : Math.max(0, i - 1)];
    case 'Home':
      return ids[0];
    case 'End':
      return ids.at(-1);
    default:
      return undefined;
  }
}

/** The row to focus once `removed` is gone: the next one, or the previous at the end. */
export function neighbourAfterRemoval(ids: readonly string[], removed: string): string | undefined {
  const i = ids.indexOf(removed);
  if (i < 0) return ids[0];
  return ids[i + 1] ?? ids[i - 1];
}
