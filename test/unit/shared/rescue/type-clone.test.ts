/**
 * Detached copies of Yjs types (shared/rescue/type-clone.ts): what the rescuer puts back
 * must be exactly what was there, minus what was deleted on purpose since.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { buildClone, cloneType, pruneClone, type TypeClone } from '../../../../shared/rescue/type-clone';

/** A paragraph holding "Alfa " and a bold "beta". */
function boldParagraph(): { paragraph: Y.XmlElement; text: Y.XmlText } {
  const doc = new Y.Doc();
  const paragraph = new Y.XmlElement('paragraph');
  doc.getXmlFragment('body').insert(0, [paragraph]);
  const text = new Y.XmlText();
  paragraph.insert(0, [text]);
  text.insert(0, 'Alfa ');
  text.insert(5, 'beta', { bold: true });
  return { paragraph, text };
}

/** `clone` built into a fresh document, as XML. */
function built(clone: TypeClone): string {
  const doc = new Y.Doc();
  doc.getXmlFragment('body').insert(0, [buildClone(clone)]);
  return doc.getXmlFragment('body').toString();
}

const named =
  (...ids: Y.ID[]) =>
  (id: Y.ID): boolean =>
    ids.some((other) => other.client === id.client && other.clock === id.clock);

describe('pruneClone', () => {
  it('takes out the characters it is told are gone, keeping formatting and the rest', () => {
    const { paragraph } = boldParagraph();
    const clone = cloneType(paragraph, Y.createDeleteSet());
    const textClone = 'children' in clone ? clone.children[0] : undefined;
    const chars = textClone && 'chars' in textClone ? textClone.chars : [];
    expect(chars).toHaveLength(9);
    // "fa be" goes: "Al" and a bold "ta" stay.
    expect(built(pruneClone(clone, named(...chars.slice(2, 7)))!)).toBe('<paragraph>Al<bold>ta</bold></paragraph>');
    expect(built(clone)).toBe('<paragraph>Alfa <bold>beta</bold></paragraph>');
  });

  it('drops a child type that is gone, and gives null when the cloned type itself is', () => {
    const { paragraph, text } = boldParagraph();
    const clone = cloneType(paragraph, Y.createDeleteSet());
    expect(built(pruneClone(clone, named(text._item!.id))!)).toBe('<paragraph></paragraph>');
    expect(pruneClone(clone, named(paragraph._item!.id))).toBeNull();
  });
});
