import { SHORTCUTS, comboLabel, isMacPlatform } from './shortcuts';

/** Every shortcut with its keys, from the same table the key handler uses. */
export function ShortcutsList() {
  const isMac = isMacPlatform(navigator.platform);
  return (
    <table className="shortcuts-table">
      <caption className="visually-hidden">Keyboard shortcuts</caption>
      <thead className="visually-hidden">
        <tr>
          <th scope="col">Action</th>
          <th scope="col">Keys</th>
        </tr>
      </thead>
      <tbody>
        {SHORTCUTS.map((s) => (
          <tr key={s.id}>
            <td>{s.description}</td>
            <td className="keys">
              {s.combos.map((c, i) => (
                <span key={i}>
                  {i > 0 && <span className="muted"> or </span>}
                  <kbd>{comboLabel(c, isMac)}</kbd>
                </span>
              ))}
            </td>
          </tr>
        ))}
        <tr>
          <td>Move in lists and menus</td>
          <td className="keys">
            <kbd>↑</kbd> <kbd>↓</kbd> <kbd>Enter</kbd>
          </td>
        </tr>
      </tbody>
    </table>
  );
}
