import type { Node as PMNode } from '@tiptap/pm/model';
import { agendaNumbers } from '../../../shared/agenda/numbering';

/** One line of the outline: a section or an item, with its live number and title. */
export interface OutlineEntry {
  kind: 'section' | 'item';
  /** "3." or "3.2.", derived from position. */
  label: string;
  title: string;
  /** Position of the section or item node. */
  pos: number;
  /** For items: lukket punkt. */
  closed: boolean;
}

/** The outline of an agenda body, in document order. */
export function outlineEntries(doc: PMNode): OutlineEntry[] {
  return agendaNumbers(doc).map((number) => {
    const node = doc.nodeAt(number.pos)!;
    return { kind: number.kind, label: number.label, title: node.child(0).textContent, pos: number.pos, closed: node.attrs.closed === true };
  });
}
