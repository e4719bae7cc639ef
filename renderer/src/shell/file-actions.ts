import { COPY_FILE_EXTENSION, MAX_COPY_BYTES } from '../../../shared/protocol/ipc-contract';
import { AGENDA_API_PATH } from '../../../shared/protocol/agenda-api';
import { encodeAgendaCopy, mergeAgendaCopy } from '../../../shared/agenda/agenda-copy';
import { documentTitle } from '../../../shared/agenda/meeting-facts';
import { readAgenda } from '../../../shared/agenda/ydoc-agenda';
import type { AgendaSession } from '../sync/agenda-session';
import { desktopApi } from '../sync/desktop-api';
import { httpBase } from '../sync/agenda-api-client';
import { syncTarget } from '../sync/sync-target';
import { downloadBytes, fileNameFrom, pickFile } from './browser-files';

/** What a file action reports to the user: done (with a message), nothing (canceled), or a problem. */
export type ActionOutcome = { kind: 'done' | 'problem'; message: string } | { kind: 'canceled' };

const title = (session: AgendaSession) => documentTitle(readAgenda(session.ydoc).meeting) || 'Dagsorden';

/** "Eksportér PDF …": in the desktop app compiled off the UI thread by main; in a browser fetched from the server. */
export async function exportPdf(session: AgendaSession, publicVersion: boolean): Promise<ActionOutcome> {
  const agenda = readAgenda(session.ydoc);
  const api = desktopApi();
  if (api) {
    const result = await api.exportPdf({ agenda, public: publicVersion, pdfUa: false });
    if (result.status === 'canceled') return { kind: 'canceled' };
    if (result.status === 'failed') return { kind: 'problem', message: `PDF'en kunne ikke laves: ${result.message}` };
    return { kind: 'done', message: `PDF gemt: ${result.fileName}` };
  }
  const target = await syncTarget();
  if (!target) return { kind: 'problem', message: 'Der er ingen server at lave PDF’en på.' };
  // The browser client's PDF is made from the server's copy: it must hold everything first.
  if (session.hasUnconfirmedChanges()) {
    return { kind: 'problem', message: 'Dine seneste ændringer er ikke gemt på serveren endnu, og PDF’en laves fra serverens kopi. Vent til der står “Alt er gemt på serveren”, og prøv igen.' };
  }
  let response: Response;
  try {
    response = await fetch(`${httpBase(target.url)}${AGENDA_API_PATH}/${session.id}/pdf${publicVersion ? '?public=1' : ''}`, {
      headers: { authorization: `Bearer ${target.token}` },
    });
  } catch {
    return { kind: 'problem', message: 'Serveren kan ikke nås, så PDF’en kan ikke laves nu.' };
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: string } | null;
    return { kind: 'problem', message: `PDF'en kunne ikke laves: ${body?.error ?? `serveren svarede ${response.status}`}` };
  }
  const name = fileNameFrom(`${title(session)}${publicVersion ? ' (offentlig)' : ''}`, 'pdf');
  downloadBytes(await response.blob(), name, 'application/pdf');
  return { kind: 'done', message: `PDF hentet: ${name}` };
}

/** "Gem kopi": the agenda's whole state to a file, to merge back later with "Åbn kopi". */
export async function saveCopy(session: AgendaSession): Promise<ActionOutcome> {
  const bytes = encodeAgendaCopy(session.id, session.ydoc);
  const name = fileNameFrom(title(session), COPY_FILE_EXTENSION);
  const api = desktopApi();
  if (api) {
    const result = await api.saveCopy({ state: bytes, suggestedName: name });
    if (result.status === 'canceled') return { kind: 'canceled' };
    if (result.status === 'failed') return { kind: 'problem', message: `Kopien kunne ikke gemmes: ${result.message}` };
    return { kind: 'done', message: `Kopi gemt: ${result.fileName}` };
  }
  downloadBytes(bytes, name, 'application/octet-stream');
  return { kind: 'done', message: `Kopi hentet: ${name}` };
}

/** "Åbn kopi": merges a saved copy of this agenda back in; anything else is refused with the reason. */
export async function openCopy(session: AgendaSession): Promise<ActionOutcome> {
  if (session.getSnapshot().readOnly) return { kind: 'problem', message: 'Du har kun læseadgang og kan ikke flette en kopi ind.' };
  let bytes: Uint8Array;
  let name: string;
  const api = desktopApi();
  if (api) {
    const result = await api.openCopy();
    if (result.status === 'canceled') return { kind: 'canceled' };
    if (result.status === 'failed') return { kind: 'problem', message: result.message };
    bytes = result.state;
    name = result.fileName;
  } else {
    const file = await pickFile(`.${COPY_FILE_EXTENSION}`);
    if (!file) return { kind: 'canceled' };
    if (file.size > MAX_COPY_BYTES) return { kind: 'problem', message: `${file.name} er for stor til at være en kopi af en dagsorden.` };
    bytes = new Uint8Array(await file.arrayBuffer());
    name = file.name;
  }
  try {
    mergeAgendaCopy(session.id, session.ydoc, bytes);
  } catch (error) {
    return { kind: 'problem', message: `${name}: ${(error as Error).message}` };
  }
  return { kind: 'done', message: `Kopien ${name} er flettet ind.` };
}
