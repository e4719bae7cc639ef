import * as Y from 'yjs';
import type { JSONContent } from '@tiptap/core';
import { isSafeHref } from '../schema/link-policy';
import { prosemirrorJSONToYXmlFragment, yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import { DocumentField } from '../protocol/document-fields';
import { agendaSchema } from '../schema/agenda-schema';
import { agendaFile, parseAgendaBody, type AgendaFile } from './agenda-file';
import { EMPTY_MEETING_FACTS, parseMeetingFacts, type MeetingFacts } from './meeting-facts';

/** The agenda body fragment of a Y.Doc. */
export function bodyFragment(ydoc: Y.Doc): Y.XmlFragment {
  return ydoc.getXmlFragment(DocumentField.Body);
}

/** The meeting facts map of a Y.Doc. */
export function meetingMap(ydoc: Y.Doc): Y.Map<unknown> {
  return ydoc.getMap(DocumentField.Meeting);
}

/**
 * Writes an agenda into a brand-new Y.Doc, in one transaction. Refuses a document that
 * already has a body: writing initial content into a document that exists elsewhere would
 * duplicate it when the copies merge.
 */
export function writeNewAgenda(ydoc: Y.Doc, agenda: AgendaFile): void {
  const fragment = bodyFragment(ydoc);
  if (fragment.length > 0) throw new Error('Dokumentet har allerede indhold; en ny dagsorden skrives kun i et nyt dokument');
  parseAgendaBody(agenda.body);
  ydoc.transact(() => {
    prosemirrorJSONToYXmlFragment(agendaSchema(), agenda.body, fragment);
    writeMeetingFacts(ydoc, agenda.meeting);
  });
}

/** Reads the meeting facts of a Y.Doc; missing fields are empty, invalid ones are refused. */
export function readMeetingFacts(ydoc: Y.Doc): MeetingFacts {
  const map = meetingMap(ydoc);
  const raw: Record<string, unknown> = { ...EMPTY_MEETING_FACTS };
  for (const key of Object.keys(EMPTY_MEETING_FACTS)) if (map.has(key)) raw[key] = map.get(key);
  return parseMeetingFacts(raw);
}

/** Sets the given meeting facts (each field is its own map entry, so two people editing different fields both win). */
export function writeMeetingFacts(ydoc: Y.Doc, facts: Partial<MeetingFacts>): void {
  const checked = parseMeetingFacts({ ...readMeetingFacts(ydoc), ...facts });
  const map = meetingMap(ydoc);
  ydoc.transact(() => {
    for (const [key, value] of Object.entries(checked)) if (map.get(key) !== value) map.set(key, value);
  });
}

/**
 * Reads a whole agenda from a Y.Doc, checked against the schema. A link whose address is not
 * allowed (it can arrive through sync from a modified client; editors strip it on display)
 * is read as plain text, so exports and copies never carry it.
 */
export function readAgenda(ydoc: Y.Doc): AgendaFile {
  const body = withoutUnsafeLinks(yXmlFragmentToProsemirrorJSON(bodyFragment(ydoc)) as JSONContent);
  parseAgendaBody(body);
  return agendaFile(readMeetingFacts(ydoc), body);
}

/** `content` with every link mark whose address is not http, https or mailto removed. */
export function withoutUnsafeLinks(content: JSONContent): JSONContent {
  const marks = content.marks?.filter((mark) => mark.type !== 'link' || isSafeHref(mark.attrs?.href));
  const copy: JSONContent = { ...content };
  if (content.marks) {
    if (marks && marks.length > 0) copy.marks = marks;
    else delete copy.marks;
  }
  if (content.content) copy.content = content.content.map(withoutUnsafeLinks);
  return copy;
}
