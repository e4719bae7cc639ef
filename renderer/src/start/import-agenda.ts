import { parseAgendaFileText, MAX_AGENDA_FILE_BYTES, type AgendaFile } from '../../../shared/agenda/agenda-file';
import { importAgendaText } from '../../../shared/import/import-agenda';
import { extractPdfText, looksLikePdf } from '../../../shared/import/pdf-text-layer';
import { browserPdfReader } from './browser-pdf-reader';
import { createAgenda } from '../sync/create-agenda';
import { desktopApi } from '../sync/desktop-api';
import { pickFile } from '../shell/browser-files';

/** The outcome of "Importér …": the new agenda's id and what to tell the user, or why not. */
export type ImportOutcome = { kind: 'imported'; id: string; message: string } | { kind: 'canceled' } | { kind: 'problem'; message: string };

/**
 * "Importér …": an agenda file (.json), or an existing agenda's text layer (.txt) or PDF
 * rebuilt by the importer, becomes a new agenda. (In the desktop app main reads the file.)
 */
export async function importAgenda(): Promise<ImportOutcome> {
  const api = desktopApi();
  let agenda: AgendaFile;
  let note = '';
  if (api) {
    const result = await api.importAgendaFile();
    if (result.status === 'canceled') return { kind: 'canceled' };
    if (result.status === 'failed') return { kind: 'problem', message: result.message };
    agenda = result.agenda;
  } else {
    const file = await pickFile('.json,.txt,.pdf');
    if (!file) return { kind: 'canceled' };
    if (file.size > MAX_AGENDA_FILE_BYTES) return { kind: 'problem', message: `${file.name} er for stor til at være en dagsorden.` };
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const text = looksLikePdf(bytes) ? await extractPdfText(bytes, await browserPdfReader()) : new TextDecoder().decode(bytes);
      if (looksLikePdf(bytes) || /\.txt$/i.test(file.name)) {
        const result = importAgendaText(text);
        agenda = result.agenda;
        if (result.warnings.length > 0) note = ` ${result.warnings.length} tekststykker kunne ikke placeres og står i afsnit mærket „Tekst der ikke kunne placeres“.`;
      } else if (/\.json$/i.test(file.name)) {
        agenda = parseAgendaFileText(text);
      } else {
        return { kind: 'problem', message: `${file.name}: vælg en dagsordensfil (.json), en tekstfil (.txt) eller en PDF.` };
      }
    } catch (error) {
      return { kind: 'problem', message: `${file.name}: ${(error as Error).message}` };
    }
  }
  const id = await createAgenda(agenda);
  return { kind: 'imported', id, message: `Dagsordenen er importeret.${note}` };
}
