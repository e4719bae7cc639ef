import * as Y from 'yjs';
import { kkrTemplate } from '../../../shared/agenda/kkr-template';
import { writeNewAgenda } from '../../../shared/agenda/ydoc-agenda';
import { documentTitle, EMPTY_MEETING_FACTS, type MeetingFacts } from '../../../shared/agenda/meeting-facts';
import type { AgendaFile } from '../../../shared/agenda/agenda-file';
import { openLocalDocument } from './local-persistence';
import { rememberAgenda } from './local-agendas';

/**
 * Creates a new agenda under a new id and saves it on this machine. Its content is written
 * once, here, into a brand-new Y.Doc — never "if empty after sync", which duplicates content
 * when two copies merge. The server learns of it when the agenda is first opened online.
 */
export async function createAgenda(agenda: AgendaFile): Promise<string> {
  const id = crypto.randomUUID();
  const ydoc = new Y.Doc();
  writeNewAgenda(ydoc, agenda);
  const local = await openLocalDocument(id, ydoc);
  await local.persistence.destroy();
  ydoc.destroy();
  rememberAgenda({
    id,
    title: documentTitle(agenda.meeting),
    committee: agenda.meeting.committee,
    meetingDate: agenda.meeting.date,
    registered: false,
    openedAt: new Date().toISOString(),
  });
  return id;
}

/** Creates a new agenda from the KKR template. */
export function createAgendaFromTemplate(meeting: Partial<MeetingFacts> = {}): Promise<string> {
  return createAgenda(kkrTemplate({ ...EMPTY_MEETING_FACTS, committee: 'KKR', ...meeting }));
}
