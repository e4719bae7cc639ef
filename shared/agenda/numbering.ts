import type { Node as PMNode } from '@tiptap/pm/model';

/** A derived number of a section or an item, and where that node starts in the document. */
export interface AgendaNumber {
  kind: 'section' | 'item';
  /** "3." for a section, "3.2." for an item. */
  label: string;
  /** Position of the section or item node in the document. */
  pos: number;
  /** 1-based index of the section. */
  section: number;
  /** 1-based index of the item in its section; 0 for a section. */
  item: number;
}

/**
 * The numbers of every section and item, derived from their position in `doc`. Numbers are
 * never stored, so whatever order concurrent edits leave, every client shows the same,
 * unique, gap-free numbers.
 */
export function agendaNumbers(doc: PMNode): AgendaNumber[] {
  const numbers: AgendaNumber[] = [];
  let sectionIndex = 0;
  doc.forEach((section, sectionOffset) => {
    if (section.type.name !== 'section') return;
    sectionIndex += 1;
    const sectionPos = sectionOffset;
    numbers.push({ kind: 'section', label: `${sectionIndex}.`, pos: sectionPos, section: sectionIndex, item: 0 });
    let itemIndex = 0;
    section.forEach((child, childOffset) => {
      if (child.type.name !== 'item') return;
      itemIndex += 1;
      numbers.push({ kind: 'item', label: `${sectionIndex}.${itemIndex}.`, pos: sectionPos + 1 + childOffset, section: sectionIndex, item: itemIndex });
    });
  });
  return numbers;
}

/** The label of a section or item given its indices: (3) → "3.", (3, 2) → "3.2.". */
export function numberLabel(section: number, item?: number): string {
  return item ? `${section}.${item}.` : `${section}.`;
}
