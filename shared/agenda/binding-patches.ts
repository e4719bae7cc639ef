import * as Y from 'yjs';
import { ProsemirrorBinding } from '@tiptap/y-tiptap';

/** The part of y-tiptap's binding this module touches (internal, stable in 3.0.x). */
interface BindingInternals {
  mapping: Map<unknown, unknown>;
  beforeTransactionSelection: { absAnchor?: number | null; absHead?: number | null } | null;
  prosemirrorView: { state: { doc: unknown } } | null;
  _typeChanged(events: Y.YEvent<Y.AbstractType<unknown>>[], transaction: Y.Transaction): void;
}

const prototype = ProsemirrorBinding.prototype as unknown as BindingInternals & { __patched?: true };

/**
 * Two repairs of how @tiptap/y-tiptap 3.0.9 shows a Yjs change (a colleague's edit, or undo)
 * in the editor (`_typeChanged`).
 *
 * Speed: since 3.0.6 it rebuilds the whole ProseMirror document for every change (it clears its
 * Y type → node cache first), so that caret positions resolve against fresh node sizes after a
 * block was moved. For a 60-item agenda each keystroke of a colleague then cost a full rebuild,
 * a deep comparison of every node by the view and the garbage of it all (the keystroke → other
 * page p99 doubled). A change that only edits text or attributes inside existing blocks moves
 * nothing: the binding already drops the cached nodes of the changed types and of their
 * ancestors, and every other cached node is still exact. For such changes the cache is kept
 * (y-tiptap ≤ 3.0.5 did this for every change); a change that inserts or deletes a block, or
 * anything else in an element's child list, still gets the full rebuild.
 *
 * Robustness: while restoring the local selection it can resolve a position of the older
 * document in the newer one and throw a RangeError before the editor is updated (found by
 * the convergence fuzz: about one client in five per seed). The editor then lags its Y.Doc,
 * and the next local edit is written as a diff against stale text. On that error (and only
 * if the editor was not updated yet) the change is shown again with the caret where its
 * Yjs-relative position puts it, skipping y-tiptap's repair by old absolute positions; if
 * even that throws, without restoring the selection.
 *
 * Patches the binding's prototype once (bindings bind `_typeChanged` when constructed, so
 * call this before creating an editor); later calls do nothing.
 */
export function patchYTiptapBinding(): void {
  if (prototype.__patched) return;
  const typeChanged = prototype._typeChanged;
  const show = (binding: BindingInternals, events: Y.YEvent<Y.AbstractType<unknown>>[], transaction: Y.Transaction): void => {
    const before = binding.prosemirrorView?.state.doc;
    const selection = binding.beforeTransactionSelection;
    try {
      typeChanged.call(binding, events, transaction);
    } catch (error) {
      // Thrown after the editor took the change (by a plugin, say): not this fault; showing it again would repeat it.
      if (!(error instanceof RangeError) || binding.prosemirrorView?.state.doc !== before) throw error;
      binding.beforeTransactionSelection = selection && { ...selection, absAnchor: null, absHead: null };
      try {
        typeChanged.call(binding, events, transaction);
      } catch (again) {
        if (!(again instanceof RangeError) || binding.prosemirrorView?.state.doc !== before) throw again;
        binding.beforeTransactionSelection = null;
        typeChanged.call(binding, events, transaction);
      }
    }
  };
  prototype._typeChanged = function (this: BindingInternals, events, transaction) {
    if (changesChildLists(transaction)) {
      show(this, events, transaction);
      return;
    }
    const mapping = this.mapping;
    // An own property shadows Map.prototype.clear for the duration of this one call.
    Object.defineProperty(mapping, 'clear', { value: () => {}, configurable: true });
    try {
      show(this, events, transaction);
    } finally {
      delete (mapping as { clear?: unknown }).clear;
    }
  };
  prototype.__patched = true;
}

/** Whether `transaction` inserted or deleted a child of some element or fragment (a block, or an inline node). */
export function changesChildLists(transaction: Y.Transaction): boolean {
  for (const [type, keys] of transaction.changed) {
    if ((type instanceof Y.XmlElement || type instanceof Y.XmlFragment) && keys.has(null)) return true;
  }
  return false;
}
