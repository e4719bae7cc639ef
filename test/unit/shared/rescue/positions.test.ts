import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { typeAnchors } from '../../../../shared/rescue/positions';

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
