import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { Editor } from '@tiptap/core';
import { findKey, findMatches } from './find-highlight';

/**
 * "Søg": highlights every match of the query in the agenda; Enter goes to the next match,
 * Shift+Enter to the previous one; Escape closes and leaves the cursor on the current match.
 */
export function FindBar({ editor, onClose }: { editor: Editor; onClose(): void }) {
  const [query, setQuery] = useState('');
  const [current, setCurrent] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  const matches = findMatches(editor.state.doc, query);

  useEffect(() => {
    editor.view.dispatch(editor.state.tr.setMeta(findKey, { query, current }));
    const match = matches[current];
    if (match) {
      const { node } = editor.view.domAtPos(match[0]);
      const element = node instanceof Element ? node : node.parentElement;
      element?.scrollIntoView({ block: 'center' });
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [editor, query, current]);
  useEffect(() => () => editor.view.dispatch(editor.state.tr.setMeta(findKey, { query: '', current: 0 })), [editor]);

  const step = (by: number) => {
    if (matches.length > 0) setCurrent((index) => (index + by + matches.length) % matches.length);
  };
  const close = () => {
    const match = matches[current];
    onClose();
    if (match) editor.chain().focus().setTextSelection({ from: match[0], to: match[1] }).run();
    else editor.commands.focus();
  };
  const keyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      step(event.shiftKey ? -1 : 1);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      close();
    }
  };

  return (
    <div className="find-bar" role="search">
      <label>
        <span className="visually-hidden">Søg i dagsordenen</span>
        <input
          ref={input}
          type="search"
          value={query}
          placeholder="Søg i dagsordenen"
          onChange={(e) => {
            setQuery(e.target.value);
            setCurrent(0);
          }}
          onKeyDown={keyDown}
        />
      </label>
      <span className="find-count" role="status">
        {query ? (matches.length === 0 ? 'Ingen fund' : `${Math.min(current + 1, matches.length)} af ${matches.length}`) : ''}
      </span>
      <button type="button" onClick={() => step(-1)} disabled={matches.length === 0}>Forrige</button>
      <button type="button" onClick={() => step(1)} disabled={matches.length === 0}>Næste</button>
      <button type="button" onClick={close}>Luk</button>
    </div>
  );
}
