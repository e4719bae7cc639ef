import { useEffect, useRef, useState } from 'react';
import type { MenuCommand } from '../../../shared/protocol/ipc-contract';
import { dispatchMenuCommand } from '../app/menu-commands';

const ITEMS: Array<{ command: MenuCommand; label: string }> = [
  { command: 'exportPdf', label: 'Eksportér PDF …' },
  { command: 'saveCopy', label: 'Gem kopi' },
  { command: 'openCopy', label: 'Åbn kopi …' },
];

/** The in-page "Filer" menu: the browser client has no native menu; in the desktop app it mirrors it. */
export function FileMenu() {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const close = (event: MouseEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, [open]);
  return (
    <div className="file-menu" ref={root}>
      <button type="button" aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen(!open)}>
        Filer
      </button>
      {open && (
        <ul role="menu" className="file-menu-items">
          {ITEMS.map((item) => (
            <li key={item.command} role="none">
              <button
                type="button"
                role="menuitem"
                onClick={() => {
                  setOpen(false);
                  dispatchMenuCommand(item.command);
                }}
              >
                {item.label}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
