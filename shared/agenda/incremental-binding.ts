import * as Y from 'yjs';
import { ProsemirrorBinding } from '@tiptap/y-tiptap';

/** The part of y-tiptap's binding this module touches (internal, stable in 3.0.x). */
interface BindingInternals {
  mapping: Map<unknown, unknown>;
  _typeChanged(events: Y.YEvent<Y.AbstractType<unknown>>[], transaction: Y.Transaction): void;
}

const prototype = ProsemirrorBinding.prototype as unknown as BindingInternals & { __incremental?: true };

/**
 * Since 3.0.6, @tiptap/y-tiptap rebuilds the whole ProseMirror document from Yjs for every
 * remote change (`_typeChanged` clears its Y type → node cache first), so that caret
 * positions resolve against fresh node sizes after a block was moved. For a 60-item agenda
 * that makes each keystroke of a colleague cost a full rebuild, a deep comparison of every
 * node by the view and the garbage of it all (the keystroke → other page p99 doubled).
 *
 * A change that only edits text or attributes inside existing blocks moves nothing: the
 * binding already drops the cached nodes of the changed types and of their ancestors, and
 * every other cached node is still exact. For such changes the cache is kept (y-tiptap ≤ 3.0.5
 * did this for every change); a change that inserts or deletes a block, or anything else
 * in an element's child list, still gets the full rebuild.
 *
 * Patches the binding's prototype once (bindings bind `_typeChanged` when constructed, so
 * call this before creating an editor); later calls do nothing.
 */
export function keepUnchangedNodesOnRemoteTextEdits(): void {
  if (prototype.__incremental) return;
  const typeChanged = prototype._typeChanged;
  prototype._typeChanged = function (this: BindingInternals, events, transaction) {
    if (changesChildLists(transaction)) {
      typeChanged.call(this, events, transaction);
      return;
    }
    const mapping = this.mapping;
    // An own property shadows Map.prototype.clear for the duration of this one call.
    Object.defineProperty(mapping, 'clear', { value: () => {}, configurable: true });
    try {
      typeChanged.call(this, events, transaction);
    } finally {
      delete (mapping as { clear?: unknown }).clear;
    }
  };
  prototype.__incremental = true;
}

/** Whether `transaction` inserted or deleted a child of some element or fragment (a block, or an inline node). */
export function changesChildLists(transaction: Y.Transaction): boolean {
  for (const [type, keys] of transaction.changed) {
    if ((type instanceof Y.XmlElement || type instanceof Y.XmlFragment) && keys.has(null)) return true;
  }
  return false;
}
