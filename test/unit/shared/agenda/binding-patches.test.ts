// @vitest-environment jsdom
// (TipTap reads `navigator` and `window` while building its plugins; no view is rendered)
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { yXmlFragmentToProsemirrorJSON, ySyncPluginKey } from '@tiptap/y-tiptap';
import { bodyFragment } from '../../../../shared/agenda/ydoc-agenda';
import { changesChildLists } from '../../../../shared/agenda/binding-patches';
import { editorAndColleague } from '../../../support/bound-editor';

/** The first Y.XmlText in the last top-level block (a text far from the first section), or in the first with `first`. */
function lastText(doc: Y.Doc, first = false): Y.XmlText {
  const blocks = bodyFragment(doc).toArray();
  const find = (type: Y.XmlElement | Y.XmlText | Y.XmlHook): Y.XmlText | null => {
    if (type instanceof Y.XmlText) return type;
    if (type instanceof Y.XmlHook) return null;
    for (const child of type.toArray()) {
      const found = find(child);
      if (found) return found;
    }
    return null;
  };
  return find(blocks[first ? 0 : blocks.length - 1] as Y.XmlElement)!;
}

describe('the editor binding after a colleague’s change (binding-patches.ts)', () => {
  it('keeps every block that a remote text edit did not touch (no rebuild of the whole agenda)', () => {
    const { editor, colleague, send } = editorAndColleague();
    const before = editor.state.doc;
    expect(before.childCount).toBeGreaterThan(2);
    lastText(colleague).insert(0, 'Rettet: ');
    send();
    const after = editor.state.doc;
    expect(after.textContent).toContain('Rettet: ');
    // Every top-level block but the last is the very same node (y-tiptap 3.0.9 alone rebuilds all).
    for (let i = 0; i < after.childCount - 1; i++) expect(after.child(i), `block ${i}`).toBe(before.child(i));
    expect(after.lastChild).not.toBe(before.lastChild);
    expect(after.toJSON()).toEqual(editor.state.schema.nodeFromJSON(yXmlFragmentToProsemirrorJSON(bodyFragment(editor.ydoc))).toJSON());
    editor.destroy();
  });

  it('still shows the Y.Doc exactly after a remote structural change (a block inserted and one deleted)', () => {
    const { editor, colleague, send } = editorAndColleague();
    const body = bodyFragment(colleague);
    colleague.transact(() => {
      const last = body.get(body.length - 1) as Y.XmlElement;
      body.insert(body.length, [last.clone()]);
      body.delete(0, 1);
    });
    send();
    lastText(colleague).insert(0, 'Ny tekst ');
    send();
    expect(editor.state.doc.toJSON()).toEqual(editor.state.schema.nodeFromJSON(yXmlFragmentToProsemirrorJSON(bodyFragment(editor.ydoc))).toJSON());
    expect(editor.state.doc.textContent).toContain('Ny tekst ');
    editor.destroy();
  });

  it('shows a change even when restoring the selection fails (y-tiptap resolves a stale position and throws)', () => {
    const { editor, colleague, send } = editorAndColleague();
    // The selection y-tiptap noted before the change, with absolute positions of an older, longer document.
    const binding = (ySyncPluginKey.getState(editor.state) as { binding: { beforeTransactionSelection: unknown } }).binding;
    const caret = Y.createRelativePositionFromTypeIndex(lastText(editor.ydoc, true), 1);
    const expected = Y.createAbsolutePositionFromRelativePosition(caret, editor.ydoc);
    binding.beforeTransactionSelection = { type: 'text', anchor: caret, head: caret, absAnchor: 1_000_000, absHead: 1_000_000 };
    lastText(colleague).insert(0, 'Trods fejl: ');
    expect(() => send()).not.toThrow();
    expect(editor.state.doc.textContent).toContain('Trods fejl: ');
    // The caret stays where it was (in the first block, by its Yjs position), not at the end.
    expect(expected?.index).toBe(1);
    expect(editor.state.selection.from).toBeLessThan(editor.state.doc.child(0).nodeSize);
    expect(editor.state.doc.toJSON()).toEqual(editor.state.schema.nodeFromJSON(yXmlFragmentToProsemirrorJSON(bodyFragment(editor.ydoc))).toJSON());
    editor.destroy();
  });

  it('tells text and attribute edits from changes to a child list', () => {
    const doc = new Y.Doc();
    const body = bodyFragment(doc);
    const changes: boolean[] = [];
    doc.on('afterTransaction', (transaction: Y.Transaction) => changes.push(changesChildLists(transaction)));
    const paragraph = new Y.XmlElement('paragraph');
    body.insert(0, [paragraph]);
    const text = new Y.XmlText();
    paragraph.insert(0, [text]);
    text.insert(0, 'tekst');
    paragraph.setAttribute('textAlign', 'left');
    text.delete(0, 2);
    paragraph.delete(0, 1);
    expect(changes).toEqual([true, true, false, false, false, true]);
  });
});
