import { agendaSchema } from '../schema/agenda-schema';
import type { RescuerOptions } from './orphan-rescuer';
import { emptyFill, fitsSchema } from './schema-fit';

/**
 * How the sync server's rescuer may change an agenda: keep it in the agenda schema; merge two
 * copies of an item wherever they are (an agenda never holds an item twice), and two copies
 * of another block (a paragraph, a bullet, an Indstilling) when they stand side by side in
 * one parent (one side's undo restored it where the other side's move had copied it). Not
 * sections: in the convergence fuzz, merging copies of a section doubled more text than it
 * saved (seed 323 of 301-450: 3 tokens wrong without, 17 with).
 */
export function agendaRescuerOptions(): RescuerOptions {
  const schema = agendaSchema();
  return {
    fits: (element) => fitsSchema(schema, element),
    mergeable: (keep, other) => keep.nodeName === other.nodeName && (keep.nodeName === 'item' || (keep.nodeName !== 'section' && keep.parent === other.parent)),
    fill: (element) => emptyFill(schema, element),
  };
}
