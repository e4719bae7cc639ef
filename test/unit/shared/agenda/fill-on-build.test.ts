// @vitest-environment jsdom
// (TipTap reads `navigator` and `window` while building its plugins; no view is rendered)
/**
 * An element left without required content by a colleague's change (fill-on-build.ts): the
 * editor shows it filled and keeps it in the Y.Doc, so what arrives in it later shows too.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Node as PMNode } from '@tiptap/pm/model';
import { bodyFragment } from '../../../../shared/agenda/ydoc-agenda';
import { editorAndColleague } from '../../../support/bound-editor';

/** The first bullet list under `type` (depth first) that holds `text`. */
function listHolding(type: Y.XmlFragment | Y.XmlElement, text: string): Y.XmlElement | null {
  for (const child of type.toArray()) {
    if (!(child instanceof Y.XmlElement)) continue;
    if (child.nodeName === 'bulletList' && child.toString().includes(text)) return child;
    const found = listHolding(child, text);
    if (found) return found;
  }
  return null;
}

/** The last bullet list of an editor document (the item body's; the Indstilling has one too), as the text of each entry. */
function lastBulletList(doc: PMNode): string[] {
  let entries: string[] = [];
  doc.descendants((node) => {
    if (node.type.name !== 'bulletList') return true;
    entries = [];
    node.forEach((entry) => entries.push(entry.textContent));
    return false;
  });
  return entries;
}

describe('building an element that lacks required content (FillOnBuild)', () => {
  it('shows a bullet list whose entries were all deleted with one empty entry, and keeps it for what arrives later', () => {
    const { editor, colleague, send } = editorAndColleague();
    expect(lastBulletList(editor.state.doc)).toEqual(['Klima', 'Erhverv og vækst']);
    const list = listHolding(bodyFragment(colleague), 'Klima')!;
    const listId = list._item!.id;
    // As when two people delete one entry each: the list is left empty.
    list.delete(0, list.length);
    send();
    expect(lastBulletList(editor.state.doc)).toEqual(['']);
    expect((Y.getItem(editor.ydoc.store, listId) as Y.Item).deleted).toBe(false);
    // Text put into it a moment later (the server's rescue, say) shows.
    const entry = new Y.XmlElement('listItem');
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText('Kom senere')]);
    entry.insert(0, [paragraph]);
    list.insert(0, [entry]);
    send();
    expect(lastBulletList(editor.state.doc)).toEqual(['Kom senere']);
    editor.destroy();
  });
});
