import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { charAnchor, typeAnchors } from '../../../../shared/rescue/positions';
import type { ForwardingEntry } from '../../../../shared/rescue/forwarding';

/** An element holding paragraphs p0…p5, and the Yjs items of them. */
function sixParagraphs(): { container: Y.XmlElement; items: Y.Item[] } {
  const doc = new Y.Doc();
  const container = new Y.XmlElement('item');
  doc.getXmlFragment('body').insert(0, [container]);
  container.insert(0, Array.from({ length: 6 }, () => new Y.XmlElement('paragraph')));
  return { container, items: container.toArray().map((child) => (child as Y.XmlElement)._item!) };
}

const name = (items: Y.Item[]) => (id: Y.ID) => `p${items.findIndex((item) => item.id.clock === id.clock)}`;

describe('typeAnchors', () => {
  it('tries the nearest copied neighbour on the left, then on the right, then the next ones out, then first in the container', () => {
    const { container, items } = sixParagraphs();
    // p1 and p4 were not copied (new to the copier); the orphan is p3.
    const copied = new Set([items[0], items[2], items[5]]);
    const anchors = typeAnchors((item) => (copied.has(item) ? item.id : null), container._item!.id, items[3]!);
    const of = name(items);
    expect(anchors.map((anchor) => ('after' in anchor ? `after ${of(anchor.after)}` : 'before' in anchor ? `before ${of(anchor.before)}` : 'first'))).toEqual([
      'after p2',
      'before p5',
      'after p0',
      'first',
    ]);
  });

  it('ends with first in the container when no neighbour was copied', () => {
    const { container, items } = sixParagraphs();
    expect(typeAnchors(() => null, container._item!.id, items[2]!)).toEqual([{ first: container._item!.id }]);
  });
});

describe('charAnchor', () => {
  /** A text whose first item holds `chars`, and an entry that copied only the characters at `copied` offsets to client 7. */
  function textWith(chars: string, copied: number[]): { item: Y.Item; entry: ForwardingEntry } {
    const doc = new Y.Doc();
    const text = new Y.XmlText();
    doc.getXmlFragment('body').insert(0, [text]);
    text.insert(0, chars);
    const item = text._start!;
    return { item, entry: { to: [7, 0], runs: copied.flatMap((offset) => [item.id.client, item.id.clock + offset, 1, 7, offset]), known: [] } };
  }

  it('puts characters at the start of their item before the copy of the next one in the same item', () => {
    // "l" typed before a copied "X" (Yjs merged them into one item): "l" goes before X's copy.
    const { item, entry } = textWith('lX', [1]);
    expect(charAnchor([entry], item, 0, 1).anchor).toEqual({ before: Y.createID(7, 1) });
  });

  it('prefers the copy of the nearest character to the left, then to the right, of the run', () => {
    const { item, entry } = textWith('AbcD', [0, 3]);
    expect(charAnchor([entry], item, 1, 3).anchor).toEqual({ after: Y.createID(7, 0) });
    const right = textWith('AbcD', [3]);
    expect(charAnchor([right.entry], right.item, 1, 3).anchor).toEqual({ before: Y.createID(7, 3) });
    const none = textWith('AbcD', []);
    expect(charAnchor([none.entry], none.item, 1, 3).anchor).toEqual({ start: true });
  });
});
