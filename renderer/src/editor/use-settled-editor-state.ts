import { useEffect, useRef, useState } from 'react';
import type { Editor } from '@tiptap/core';
import type { Transaction } from '@tiptap/pm/state';
import { ySyncPluginKey } from '@tiptap/y-tiptap';

/** How long state derived from the editor may lag a colleague's change (ms). */
const REMOTE_DELAY = 120;

/** Whether `transaction` came from a colleague (or is y-tiptap's follow-up to one), not from this user (whose undo also arrives through Yjs). */
function isRemote(transaction: Transaction): boolean {
  const sync = transaction.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean; isUndoRedoOperation?: boolean } | undefined;
  if (sync?.isChangeOrigin === true) return sync.isUndoRedoOperation !== true;
  return !transaction.docChanged && !transaction.selectionSet && !transaction.storedMarksSet;
}

/**
 * Like TipTap's `useEditorState`, but the selector runs after the editor has settled rather
 * than inside every transaction: in the next task after this user's own edit or selection
 * change, and at most every 120 ms while colleagues type. A selector that asks the commands
 * (`editor.can()`) costs a few milliseconds on a large agenda; run synchronously, it delayed
 * every remote keystroke's appearance by that much, twice (y-tiptap follows each remote change
 * with a second transaction). The result is compared shallowly; an equal one does not re-render.
 */
export function useSettledEditorState<T extends Record<string, unknown>>(editor: Editor, selector: (editor: Editor) => T): T {
  const [state, setState] = useState(() => selector(editor));
  const select = useRef(selector);
  select.current = selector;
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    let due = Number.POSITIVE_INFINITY;
    const update = () => {
      timer = null;
      due = Number.POSITIVE_INFINITY;
      if (editor.isDestroyed) return;
      const next = select.current(editor);
      setState((previous) => (shallowEqual(previous, next) ? previous : next));
    };
    const schedule = ({ transaction }: { transaction: Transaction }) => {
      const delay = isRemote(transaction) ? REMOTE_DELAY : 0;
      if (timer !== null && Date.now() + delay >= due) return;
      if (timer !== null) clearTimeout(timer);
      due = Date.now() + delay;
      timer = setTimeout(update, delay);
    };
    editor.on('transaction', schedule);
    update();
    return () => {
      editor.off('transaction', schedule);
      if (timer !== null) clearTimeout(timer);
    };
  }, [editor]);
  return state;
}

function shallowEqual(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => Object.is(a[key], b[key]));
}
