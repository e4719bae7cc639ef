import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

/** Where the house-style Typst template lives in the repository. */
export const AGENDA_TEMPLATE_PATH = fileURLToPath(new URL('../../shared/export/agenda.typ', import.meta.url));

/** The text of the house-style template. */
export function readAgendaTemplate(): Promise<string> {
  return readFile(AGENDA_TEMPLATE_PATH, 'utf8');
}
