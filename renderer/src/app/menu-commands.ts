import type { MenuCommand } from '../../../shared/protocol/ipc-contract';
import { desktopApi } from '../sync/desktop-api';

type Listener = (command: MenuCommand) => void;

const listeners = new Set<Listener>();
let boundToDesktop = false;

/**
 * Subscribes to menu commands: from the desktop app's native menu, and from the in-page
 * "Filer" menu (which the browser client has instead). Returns the unsubscribe function.
 */
export function onMenuCommand(listener: Listener): () => void {
  if (!boundToDesktop) {
    boundToDesktop = true;
    desktopApi()?.onMenuCommand((command) => dispatchMenuCommand(command));
  }
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Runs a menu command as if chosen from the menu. */
export function dispatchMenuCommand(command: MenuCommand): void {
  for (const listener of [...listeners]) listener(command);
}
