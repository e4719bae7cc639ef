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

describe('the copy recorder', () => {
  it('records an undo that restores a text of 150,000 characters typed in one go, character by character', () => {
    const doc = new Y.Doc();
    doc.clientID = 7;
    docs.push(doc);
    recordCopies(doc);
    const body = doc.getXmlFragment('body');
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
