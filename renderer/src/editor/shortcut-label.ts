const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

const KEY_NAMES: Record<string, string> = {
  Mod: isMac ? '⌘' : 'Ctrl',
  Alt: isMac ? '⌥' : 'Alt',
  Shift: isMac ? '⇧' : 'Shift',
  ArrowUp: '↑',
  ArrowDown: '↓',
  Enter: 'Enter',
};

/** "Mod-Shift-1" → "Ctrl+Shift+1" (or "⌘⇧1" on a Mac), for tooltips. */
export function shortcutLabel(shortcut: string): string {
  const parts = shortcut.split('-').map((part) => KEY_NAMES[part] ?? (part.length === 1 ? part.toUpperCase() : part));
  return parts.join(isMac ? '' : '+');
}
