import type { SubheadingKind } from '../schema/subheading-kind';

/**
 * The agenda as the PDF template reads it: plain JSON, passed to Typst as data (never as
 * Typst source). Made by `agendaExportData`; read by `shared/export/agenda.typ`. Bump
 * `EXPORT_DATA_VERSION` when the shape changes, and the template with it.
 */
export const EXPORT_DATA_VERSION = 1;

/** A run of text with its marks, or a line break. */
export type ExportInline =
  | { kind: 'text'; text: string; bold: boolean; italic: boolean; href: string | null }
  | { kind: 'break' };

/** A block of an item's body. */
export type ExportBlock =
  | { kind: 'paragraph'; content: ExportInline[] }
  /** A bullet list; each entry is the blocks of one list item. */
  | { kind: 'list'; items: ExportBlock[][] }
  | { kind: 'subheading'; subheading: SubheadingKind; label: string }
  | { kind: 'topicLine'; text: string }
  /** "Det indstilles, at …" (lead only) or "Det indstilles," with "at …" clauses. */
  | { kind: 'indstilling'; lead: ExportInline[]; clauses: ExportBlock[][] }
  /** An enclosure marker ("./." in the margin) and the text naming the enclosure. */
  | { kind: 'enclosure'; content: ExportInline[] };

/** An item, numbered. A withheld item (closed, public export) carries number and title only. */
export interface ExportItem {
  /** "3.1." */
  number: string;
  title: string;
  /** "SAG-2024-01875"; empty when withheld. */
  caseNumber: string;
  /** "chbn/jhp"; empty when withheld. */
  initials: string;
  closed: boolean;
  /** True when this is a closed item in a public export: nothing but number and title. */
  withheld: boolean;
  body: ExportBlock[];
}

/** A section, numbered, with its items (possibly none). */
export interface ExportSection {
  /** "3." */
  number: string;
  title: string;
  items: ExportItem[];
}

/** Everything the template prints. */
export interface AgendaExportData {
  version: typeof EXPORT_DATA_VERSION;
  /** The PDF's title, e.g. "Dagsorden – KKR Midtjylland – 18. juni 2024". */
  title: string;
  lang: 'da';
  /** "Dagsorden" or "Referat". */
  kindLabel: string;
  committee: string;
  /** The meeting date in Danish, e.g. "18. juni 2024"; empty when not decided. */
  date: string;
  time: string;
  place: string;
  /** True for the public version (closed items withheld). */
  public: boolean;
  /** The words printed after a closed item's title. */
  closedLabel: string;
  sections: ExportSection[];
}
