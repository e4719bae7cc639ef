/** Small line icons for the toolbar and item controls (system fonts lack some symbols). */

const common = { width: 16, height: 16, viewBox: '0 0 16 16', fill: 'none', stroke: 'currentColor', strokeWidth: 1.6, strokeLinecap: 'round', strokeLinejoin: 'round', 'aria-hidden': true } as const;

/** A chain link. */
export function LinkIcon() {
  return (
    <svg {...common}>
      <path d="M6.5 9.5a3 3 0 0 0 4.2 0l2.1-2.1a3 3 0 0 0-4.2-4.2l-.9.9" />
      <path d="M9.5 6.5a3 3 0 0 0-4.2 0L3.2 8.6a3 3 0 0 0 4.2 4.2l.9-.9" />
    </svg>
  );
}

/** A padlock. */
export function LockIcon() {
  return (
    <svg {...common} width={13} height={13}>
      <rect x="3" y="7" width="10" height="7" rx="1.5" />
      <path d="M5.5 7V5a2.5 2.5 0 0 1 5 0v2" />
    </svg>
  );
}

/** A plus sign. */
export function PlusIcon() {
  return (
    <svg {...common} width={12} height={12} strokeWidth={2}>
      <path d="M8 3v10M3 8h10" />
    </svg>
  );
}

/** A bulleted list. */
export function ListIcon() {
  return (
    <svg {...common}>
      <circle cx="3" cy="4" r="0.9" fill="currentColor" />
      <circle cx="3" cy="8" r="0.9" fill="currentColor" />
      <circle cx="3" cy="12" r="0.9" fill="currentColor" />
      <path d="M6.5 4H14M6.5 8H14M6.5 12H14" />
    </svg>
  );
}

/** An arrow; `up` or down. */
export function ArrowIcon({ up }: { up: boolean }) {
  return <svg {...common}>{up ? <path d="M8 13V3M4 7l4-4 4 4" /> : <path d="M8 3v10M4 9l4 4 4-4" />}</svg>;
}

/** Undo (`redo` mirrors it). */
export function UndoIcon({ redo }: { redo?: boolean }) {
  return (
    <svg {...common} style={redo ? { transform: 'scaleX(-1)' } : undefined}>
      <path d="M5 3.5L2.5 6 5 8.5" />
      <path d="M2.5 6H10a3.5 3.5 0 0 1 0 7H7" />
    </svg>
  );
}

/** Six dots: the handle to drag an item by. */
export function GripIcon() {
  return (
    <svg width={10} height={16} viewBox="0 0 10 16" aria-hidden="true" fill="currentColor">
      {[3, 8, 13].flatMap((y) => [<circle key={`a${y}`} cx="2.5" cy={y} r="1.3" />, <circle key={`b${y}`} cx="7.5" cy={y} r="1.3" />])}
    </svg>
  );
}
