import type { JSONContent } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { agendaSchema } from '../schema/agenda-schema';
import { findUnsafeLinks } from '../schema/safe-link';
import { parseMeetingFacts, type MeetingFacts } from './meeting-facts';

/** The `format` field that marks a Dagsorden agenda file. */
export const AGENDA_FILE_FORMAT = 'dagsorden-agenda';
/** The current version of the agenda file format. */
export const AGENDA_FILE_VERSION = 1;
/** Agenda files larger than this are refused before parsing. */
export const MAX_AGENDA_FILE_BYTES = 20 * 1024 * 1024;

/**
 * An agenda file (`*.dagsorden.json`): the meeting facts and the agenda body as ProseMirror
 * JSON of the agenda schema. Version 1:
 *
 * ```json
 * { "format": "dagsorden-agenda", "version": 1,
 *   "meeting": { "committee": "KKR Midtjylland", "kind": "dagsorden", "date": "2024-06-18", "time": "…", "place": "…" },
 *   "body": { "type": "doc", "content": [ { "type": "section", … } ] } }
 * ```
 */
export interface AgendaFile {
  format: typeof AGENDA_FILE_FORMAT;
  version: typeof AGENDA_FILE_VERSION;
  meeting: MeetingFacts;
  body: JSONContent;
}

/** Thrown for a file that is not a valid agenda file; the message says what is wrong. */
export class AgendaFileError extends Error {
  override name = 'AgendaFileError';
}

/** Parses the text of an agenda file. Throws AgendaFileError naming what is wrong. */
export function parseAgendaFileText(source: string): AgendaFile {
  if (source.length > MAX_AGENDA_FILE_BYTES) {
    throw new AgendaFileError(`Ugyldig dagsordensfil: filen er større end ${MAX_AGENDA_FILE_BYTES / 1024 / 1024} MiB`);
  }
  let value: unknown;
  try {
    value = JSON.parse(source);
  } catch (error) {
    throw new AgendaFileError(`Ugyldig dagsordensfil: ikke gyldig JSON (${(error as Error).message})`);
  }
  return parseAgendaFile(value);
}

/** Checks an untrusted value as an agenda file. Throws AgendaFileError naming what is wrong. */
export function parseAgendaFile(value: unknown): AgendaFile {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new AgendaFileError('Ugyldig dagsordensfil: forventede et JSON-objekt');
  }
  const record = value as Record<string, unknown>;
  if (record.format !== AGENDA_FILE_FORMAT) {
    throw new AgendaFileError(`Ugyldig dagsordensfil: "format" skal være "${AGENDA_FILE_FORMAT}", er ${JSON.stringify(record.format)}`);
  }
  if (record.version !== AGENDA_FILE_VERSION) {
    throw new AgendaFileError(`Ugyldig dagsordensfil: version ${JSON.stringify(record.version)} kendes ikke (denne version af Dagsorden læser version ${AGENDA_FILE_VERSION})`);
  }
  let meeting: MeetingFacts;
  try {
    meeting = parseMeetingFacts(record.meeting);
  } catch (error) {
    throw new AgendaFileError(`Ugyldig dagsordensfil: ${(error as Error).message}`);
  }
  const body = record.body as JSONContent;
  parseAgendaBody(body);
  return { format: AGENDA_FILE_FORMAT, version: AGENDA_FILE_VERSION, meeting, body };
}

/**
 * Builds and checks an agenda body against the schema. Returns the ProseMirror node, or
 * throws AgendaFileError naming the problem (unknown node, invalid content, unsafe link).
 */
export function parseAgendaBody(body: unknown): PMNode {
  if (typeof body !== 'object' || body === null || (body as JSONContent).type !== 'doc') {
    throw new AgendaFileError('Ugyldig dagsordensfil: "body" skal være et dokument med "type": "doc"');
  }
  let node: PMNode;
  try {
    node = agendaSchema().nodeFromJSON(body);
    node.check();
  } catch (error) {
    throw new AgendaFileError(`Ugyldig dagsordensfil: body: ${(error as Error).message}`);
  }
  const unsafe = findUnsafeLinks(node, agendaSchema().marks.link!);
  if (unsafe.length > 0) {
    throw new AgendaFileError(`Ugyldig dagsordensfil: body: link til ${JSON.stringify(String(unsafe[0]![2].attrs.href).slice(0, 80))} er ikke tilladt (kun http, https og mailto)`);
  }
  return node;
}

/** An agenda file from meeting facts and a body. */
export function agendaFile(meeting: MeetingFacts, body: JSONContent): AgendaFile {
  return { format: AGENDA_FILE_FORMAT, version: AGENDA_FILE_VERSION, meeting, body };
}

/** The text of an agenda file, as written to disk. */
export function serializeAgendaFile(agenda: AgendaFile): string {
  return `${JSON.stringify(agenda, null, 2)}\n`;
}
