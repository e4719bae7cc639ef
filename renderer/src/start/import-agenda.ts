import { parseAgendaFileText, MAX_AGENDA_FILE_BYTES, type AgendaFile } from '../../../shared/agenda/agenda-file';
import { importAgendaText } from '../../../shared/import/import-agenda';
import { createAgenda } from '../sync/create-agenda';
import { desktopApi } from '../sync/server-url';
import { pickFile } from '../shell/browser-files';

/** The outcome of "Importér …": the new agenda's id and what to tell the user, or why not. */
export type ImportOutcome = { kind: 'imported'; id: string; message: string } | { kind: 'canceled' } | { kind: 'problem'; message: string };

/**
 * "Importér …": an agenda file (.json), or the text layer of an existing agenda (.txt)
 * rebuilt by the importer, becomes a new agenda. PDFs are read by the desktop app (its main
 * process extracts the text) or by `npx dagsorden import`.
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
    const file = await pickFile('.json,.txt');
    if (!file) return { kind: 'canceled' };
    if (file.size > MAX_AGENDA_FILE_BYTES) return { kind: 'problem', message: `${file.name} er for stor til at være en dagsorden.` };
    try {
      const text = await file.text();
      if (/\.json$/i.test(file.name)) {
        agenda = parseAgendaFileText(text);
      } else if (/\.txt$/i.test(file.name)) {
        const result = importAgendaText(text);
        agenda = result.agenda;
        if (result.warnings.length > 0) note = ` ${result.warnings.length} tekststykker kunne ikke placeres og står i afsnit mærket „Tekst der ikke kunne placeres“.`;
      } else {
        return { kind: 'problem', message: `${file.name}: vælg en dagsordensfil (.json) eller en tekstfil (.txt). PDF-filer importeres i skrivebordsprogrammet.` };
      }
    } catch (error) {
      return { kind: 'problem', message: `${file.name}: ${(error as Error).message}` };
    }
  }
  const id = await createAgenda(agenda);
  return { kind: 'imported', id, message: `Dagsordenen er importeret.${note}` };
}
