import * as Y from 'yjs';
import { kkrTemplate } from '../../../shared/agenda/kkr-template';
import { writeNewAgenda } from '../../../shared/agenda/ydoc-agenda';
import { EMPTY_MEETING_FACTS, type MeetingFacts } from '../../../shared/agenda/meeting-facts';

/** The Y.Doc of every agenda opened on this page, by id (a session may be re-created for the same doc). */
const documents = new Map<string, Y.Doc>();

/**
 * Creates a new agenda from the KKR template under a new id. The template is written once,
 * here, into a brand-new Y.Doc; opening it later only loads and syncs.
 */
export function createAgendaFromTemplate(meeting: Partial<MeetingFacts> = {}): string {
  const id = crypto.randomUUID();
  const ydoc = new Y.Doc();
  writeNewAgenda(ydoc, kkrTemplate({ ...EMPTY_MEETING_FACTS, committee: 'KKR', ...meeting }));
  documents.set(id, ydoc);
  return id;
}

/** The Y.Doc for agenda `id`: the one already on this page, or an empty one to fill from the server. */
export function agendaDoc(id: string): Y.Doc {
  let doc = documents.get(id);
  if (!doc) {
    doc = new Y.Doc();
    documents.set(id, doc);
  }
  return doc;
}
