import type { SubheadingKind } from '../schema/subheading-kind';

/**
 * The importer's intermediate form of an item body, between source lines and agenda JSON.
 * Text is kept as plain strings with link spans, so links found later (bare URLs at page
 * ends) can be attached to text that was read earlier.
 */

/** A link over `text.slice(from, to)`. */
export interface LinkSpan {
  from: number;
  to: number;
  href: string;
}

/** A run of text with its links, and where in the source it came from. */
export interface TextPlace {
  text: string;
  links: LinkSpan[];
  /** 1-based source line of the first line. */
  line: number;
  /** Pages of the first and last source line. */
  firstPage: number;
  lastPage: number;
}

export type ImportBlock =
  | { kind: 'subheading'; subheading: SubheadingKind; line: number }
  | { kind: 'paragraph'; place: TextPlace }
  | { kind: 'topicLine'; place: TextPlace }
  | { kind: 'bulletList'; entries: TextPlace[] }
  | { kind: 'indstilling'; lead: TextPlace; clauses: TextPlace[] }
  | { kind: 'enclosure'; place: TextPlace }
  /** A line that was only a link address; resolved to a link on other text, or kept as linked text. */
  | { kind: 'url'; href: string; line: number; page: number };

/** The text places of a block that can carry links, in reading order. */
export function linkablePlaces(block: ImportBlock): TextPlace[] {
  switch (block.kind) {
    case 'paragraph':
    case 'enclosure':
      return [block.place];
    case 'bulletList':
      return block.entries;
    case 'indstilling':
      return [block.lead, ...block.clauses];
    case 'topicLine':
    case 'subheading':
    case 'url':
      return [];
  }
}
