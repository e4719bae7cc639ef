import type { AgendaFile } from '../agenda/agenda-file';
import type { MeetingFacts } from '../agenda/meeting-facts';

/** Something the importer could not do as the source said, with where it happened. */
export interface ImportWarning {
  /** 1-based source line the warning is about; 0 when it concerns the whole text. */
  line: number;
  /** What happened, in Danish, for the user. */
  message: string;
}

/** What a recognised piece of cover text is. */
export type CoverTextKind = 'committee' | 'kind' | 'date' | 'time' | 'place' | 'mission' | 'vision';

/**
 * Text of the cover that the importer recognised and therefore did not put in the body:
 * the meeting facts, and KL's Mission and Vision box (boilerplate of every cover).
 */
export interface CoverText {
  kind: CoverTextKind;
  /** The box heading ("Mission", "Vision"), when the text had one. */
  heading?: string;
  /** The text as it stood in the source, with wrapped lines joined. */
  text: string;
  /** 1-based source line where it starts. */
  line: number;
}

/** Counts of what was imported. */
export interface ImportSummary {
  sections: number;
  items: number;
  enclosures: number;
  links: number;
}

/** The result of importing an agenda's text layer. */
export interface AgendaImportResult {
  agenda: AgendaFile;
  warnings: ImportWarning[];
  cover: CoverText[];
  summary: ImportSummary;
}

/** Options for an import. */
export interface ImportOptions {
  /** Meeting facts that override what the text says (e.g. from command-line flags). */
  meeting?: Partial<MeetingFacts>;
}

/** Thrown when the text has nothing the importer recognises as an agenda. */
export class AgendaImportError extends Error {
  override name = 'AgendaImportError';
}
