import { agendaSchema } from '../schema/agenda-schema';
import type { RescuerOptions } from './orphan-rescuer';
import { emptyFill, fitsSchema } from './schema-fit';

/** How the sync server's rescuer may change an agenda: keep it in the agenda schema, merge only items. */
export function agendaRescuerOptions(): RescuerOptions {
  const schema = agendaSchema();
  return {
    fits: (element) => fitsSchema(schema, element),
    mergeable: (element) => element.nodeName === 'item',
    fill: (element) => emptyFill(schema, element),
  };
}
