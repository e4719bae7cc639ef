import { useEffect, useState } from 'react';
import type { Transaction } from '@tiptap/pm/state';
import type { Editor } from '@tiptap/core';
import { TextSelection } from '@tiptap/pm/state';
import type { Awareness } from 'y-protocols/awareness';
import { outlineEntries, type OutlineEntry } from './outline-entries';
import { peerLocations, type PeerLocation } from './peer-locations';
import { LockIcon } from '../editor/icons';
import './outline.css';

/** Puts the cursor at the end of the title of the section or item at `pos`, and scrolls it into view. */
function jumpTo(editor: Editor, pos: number): void {
  const node = editor.state.doc.nodeAt(pos);
  if (!node) return;
  const titleEnd = pos + 1 + node.child(0).nodeSize - 1;
  editor.view.dispatch(editor.state.tr.setSelection(TextSelection.create(editor.state.doc, titleEnd)));
  editor.view.focus();
  const dom = editor.view.nodeDOM(pos);
  if (dom instanceof HTMLElement) dom.scrollIntoView({ block: 'start', behavior: 'smooth' });
}

/**
 * The outline pane: every section and item with its live number and title. A click jumps to
 * it; the initials of the people working in an item are shown beside it.
 */
export function OutlinePane({ editor, awareness }: { editor: Editor; awareness: Awareness }) {
  const [entries, setEntries] = useState<OutlineEntry[]>(() => outlineEntries(editor.state.doc));
  const [peers, setPeers] = useState<PeerLocation[]>([]);
  const [current, setCurrent] = useState<number | null>(null);

  useEffect(() => {
    // Runs on every transaction and caret move: each part is recomputed only when what it
    // depends on changed, and state is replaced only when it really changed, so typing and a
    // colleague's edits do not re-render the outline.
    const updateEntries = () => {
      const next = outlineEntries(editor.state.doc);
      setEntries((previous) => (sameJson(previous, next) ? previous : next));
    };
    const updatePeers = () => {
      const next = peerLocations(editor, awareness);
      setPeers((previous) => (sameJson(previous, next) ? previous : next));
    };
    const updateCurrent = () => {
      const { $from } = editor.state.selection;
      setCurrent($from.depth >= 2 ? $from.before(2) : $from.depth >= 1 ? $from.before(1) : null);
    };
    const update = () => {
      updateEntries();
      updatePeers();
      updateCurrent();
    };
    const onTransaction = ({ transaction }: { transaction: Transaction }) => {
      if (transaction.docChanged) {
        updateEntries();
        updatePeers();
      }
      if (transaction.selectionSet || transaction.docChanged) updateCurrent();
    };
    update();
    editor.on('transaction', onTransaction);
    awareness.on('change', updatePeers);
    return () => {
      editor.off('transaction', onTransaction);
      awareness.off('change', updatePeers);
    };
  }, [editor, awareness]);

  return (
    <nav className="outline" aria-label="Oversigt">
      <h2 className="outline-heading">Oversigt</h2>
      <ol className="outline-list">
        {entries.map((entry, index) => {
          const here = peers.filter((peer) => peer.pos === entry.pos);
          return (
            <li key={`${entry.kind}-${index}`} className={`outline-entry outline-entry--${entry.kind}${current === entry.pos ? ' is-current' : ''}`} data-testid={`outline-${entry.kind}`}>
              <button type="button" className="outline-link" onClick={() => jumpTo(editor, entry.pos)} title={`Gå til ${entry.label} ${entry.title}`}>
                <span className="outline-number">{entry.label}</span>
                <span className={`outline-title${entry.title ? '' : ' is-untitled'}`}>{entry.title || 'Uden titel'}</span>
                {entry.closed && <span className="outline-closed" title="Lukket punkt" role="img" aria-label="lukket punkt"><LockIcon /></span>}
              </button>
              {here.length > 0 && (
                <span className="outline-peers">
                  {here.map((peer) => (
                    <span key={peer.clientId} className="outline-peer" style={{ background: peer.color }} title={`${peer.name} skriver her`} data-testid="outline-peer">
                      {peer.initials}
                    </span>
                  ))}
                </span>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}

/** Whether two plain values have the same JSON (small arrays of plain records). */
function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
