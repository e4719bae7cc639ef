import { EDITOR_SHORTCUTS } from './editor-shortcuts';
import { shortcutLabel } from './shortcut-label';

/** "Genvejstaster": every keyboard shortcut of the editor. */
export function ShortcutsDialog({ onClose }: { onClose(): void }) {
  return (
    <div className="dialog-backdrop" role="presentation" onClick={onClose}>
      <div role="dialog" aria-modal="true" aria-labelledby="shortcuts-heading" className="dialog card shortcuts" onClick={(e) => e.stopPropagation()}>
        <h2 id="shortcuts-heading">Genvejstaster</h2>
        <table>
          <tbody>
            {EDITOR_SHORTCUTS.map((shortcut) => (
              <tr key={shortcut.keys}>
                <td>
                  <kbd>{shortcutLabel(shortcut.keys)}</kbd>
                </td>
                <td>{shortcut.what}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="dialog-buttons">
          <button type="button" className="primary" autoFocus onClick={onClose}>
            Luk
          </button>
        </div>
      </div>
    </div>
  );
}
