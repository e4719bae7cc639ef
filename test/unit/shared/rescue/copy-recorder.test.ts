/**
 * The copy recorder (shared/rescue/copy-recorder.ts) on a plain Y.Doc: the forwarding entries
 * it writes where staging the copy through an editor would take too long.
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { recordCopies } from '../../../../shared/rescue/copy-recorder';
import { forwardedId, forwardingMap, readForwardingEntry } from '../../../../shared/rescue/forwarding';

const docs: Y.Doc[] = [];
afterEach(() => {
  for (const doc of docs.splice(0)) doc.destroy();
});

/** A document (client 7) with the copy recorder installed, and its body fragment. */
function recordingDoc(): { doc: Y.Doc; body: Y.XmlFragment } {
  const doc = new Y.Doc();
  doc.clientID = 7;
  docs.push(doc);
  recordCopies(doc);
  return { doc, body: doc.getXmlFragment('body') };
}

describe('the copy recorder', () => {
  it('notes in a copy the characters its client had deleted in the text itself, not those another client deleted', () => {
    const { doc, body } = recordingDoc();
    doc.transact(() => body.insert(0, [new Y.XmlText('alfa beta gamma delta')]), 'other');
    const text = body.get(0) as Y.XmlText;
    const first = text._start!.id;
    const at = (offset: number): Y.ID => Y.createID(first.client, first.clock + offset);
    // Another client deletes "alfa " (arrives as a remote update); this client deletes "beta ".
    const other = new Y.Doc();
    other.clientID = 8;
    docs.push(other);
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    (other.getXmlFragment('body').get(0) as Y.XmlText).delete(0, 5);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other, Y.encodeStateVector(doc)));
    text.delete(0, 5);
    // A move that leaves " delta" out (deleted by the move itself) copies "gamma" into a new text.
    doc.transact(() => {
      body.insert(1, [new Y.XmlText('gamma')]);
      body.delete(0, 1);
    });
    const key = [...forwardingMap(doc).keys()].find((candidate) => candidate.startsWith(`${text._item!.id.client}:${text._item!.id.clock}>`))!;
    const entry = readForwardingEntry(forwardingMap(doc).get(key))!;
    expect(entry.erased).toEqual([first.client, at(5).clock, 5]);
  });

  it('forwards an element with no characters to follow (its texts are empty) to the one copy of its shape, and its children in order', () => {
    const { doc, body } = recordingDoc();
    const element = (name: string, children: Array<Y.XmlElement | Y.XmlText>): Y.XmlElement => {
      const made = new Y.XmlElement(name);
      made.insert(0, children);
      return made;
    };
    const emptyItem = (): Y.XmlElement => element('item', [element('itemTitle', [new Y.XmlText()]), element('paragraph', [])]);
    doc.transact(() => body.insert(0, [emptyItem(), element('item', [element('itemTitle', [new Y.XmlText('Anden')])])]), 'other');
    const original = body.get(0) as Y.XmlElement;
    const [title, paragraph] = [original.get(0), original.get(1)] as Y.XmlElement[];
    // A move of the empty item to the end: deleted here, made again there (its empty text not).
    doc.transact(() => {
      body.delete(0, 1);
      body.insert(1, [element('item', [element('itemTitle', []), element('paragraph', [])])]);
    });
    const copy = body.get(1) as Y.XmlElement;
    const entryFor = (type: Y.XmlElement): unknown => [...forwardingMap(doc).entries()].find(([key]) => key.startsWith(`${type._item!.id.client}:${type._item!.id.clock}>`))?.[1];
    expect(readForwardingEntry(entryFor(original))?.to).toEqual([copy._item!.id.client, copy._item!.id.clock]);
    expect(readForwardingEntry(entryFor(title!))?.to).toEqual([copy.get(0)._item!.id.client, copy.get(0)._item!.id.clock]);
    expect(readForwardingEntry(entryFor(paragraph!))?.to).toEqual([copy.get(1)._item!.id.client, copy.get(1)._item!.id.clock]);
  });

  it('records an undo that restores a text of 150,000 characters typed in one go, character by character', () => {
    const { doc, body } = recordingDoc();
    const undoManager = new Y.UndoManager(body);
    const long = 'x'.repeat(150_000);
    const paragraph = new Y.XmlElement('paragraph');
    doc.transact(() => {
      body.insert(0, [paragraph]);
      paragraph.insert(0, [new Y.XmlText(long)]);
    }, 'other');
    const text = paragraph.get(0) as Y.XmlText;
    const first = text._start!.id;
    undoManager.addTrackedOrigin(null);
    doc.transact(() => body.delete(0, 1));
    expect(undoManager.undo()).not.toBeNull();
    const restored = body.get(0) as Y.XmlElement;
    expect((restored.get(0) as Y.XmlText).toString()).toBe(long);
    const entry = readForwardingEntry(forwardingMap(doc).get([...forwardingMap(doc).keys()].find((key) => key.startsWith(`${text._item!.id.client}:${text._item!.id.clock}>`))!))!;
    expect(entry.restore).toBe(true);
    const copyStart = (restored.get(0) as Y.XmlText)._start!.id;
    expect(forwardedId(entry, Y.createID(first.client, first.clock + 149_999))).toEqual(Y.createID(copyStart.client, copyStart.clock + 149_999));
  });
});
