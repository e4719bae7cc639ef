import type { SubheadingKind } from '../schema/subheading-kind';

/**
 * Recognisers for single lines of a KL-style agenda's text layer. Each takes a trimmed line.
 */

/** "3. Regionalpolitiske sager" → { number: 3, title }; null for anything else. */
export function matchSectionHeading(text: string): { number: number; title: string } | null {
  const match = /^(\d{1,2})\.\s+(\p{Lu}.*)$/u.exec(text);
  if (!match) return null;
  const title = match[2]!.trim();
  if (title.length > 100 || /[.,;:]$/.test(title)) return null;
  return { number: Number(match[1]), title };
}

/** "3.1. Årlig beretning …" → { section: 3, item: 1, title }; null for anything else. */
export function matchItemHeading(text: string): { section: number; item: number; title: string } | null {
  const match = /^(\d{1,2})\.(\d{1,2})\.?\s+([\p{Lu}\p{N}("“”'‘].*)$/u.exec(text);
  if (!match) return null;
  return { section: Number(match[1]), item: Number(match[2]), title: match[3]!.trim() };
}

/**
 * A case line: the case number, then the caseworkers' initials ("SAG-2024-01875 chbn/jhp",
 * "SAG-2024-01875 chbn / jhp"). Returns the line as it will be stored, or null.
 */
export function matchCaseLine(text: string): string | null {
  const match = /^(\p{Lu}{2,6}-\d{4}-\d{2,})(?:\s+(\p{L}[\p{L}\s/,&-]*))?$/u.exec(text);
  if (!match) return null;
  return match[2] ? `${match[1]} ${match[2].trim()}` : match[1]!;
}

const SUBHEADINGS: Record<string, SubheadingKind> = {
  baggrund: 'baggrund',
  indstilling: 'indstilling',
  sagsfremstilling: 'sagsfremstilling',
  beslutning: 'beslutning',
};

/** "Baggrund", "Indstilling:", … → the subheading kind; null for anything else. */
export function matchSubheading(text: string): SubheadingKind | null {
  return SUBHEADINGS[text.replace(/:$/, '').trim().toLowerCase()] ?? null;
}

/** "- at …", "– drøfter …", "• …" → the entry text ("" for a lone dash); null for anything else. */
export function matchBullet(text: string): string | null {
  const match = /^[-–•▪](?:\s+(.*))?$/u.exec(text);
  return match ? (match[1] ?? '').trim() : null;
}

/** "./. Årsregnskab 2023" → "Årsregnskab 2023" ("" for a marker alone); null for anything else. */
export function matchEnclosure(text: string): string | null {
  const match = /^\.\/\.\s*(.*)$/u.exec(text);
  return match ? match[1]!.trim() : null;
}

/** A line that is only a link address (http, https or mailto); null for anything else. */
export function matchBareUrl(text: string): string | null {
  return /^(?:https?:\/\/[^\s/?#]+\S*|mailto:\S+@\S+)$/iu.test(text) ? text : null;
}

/** "(Lukket punkt) Titel", "Lukket punkt: Titel", "Titel (lukket punkt)" → the title without the marker. */
export function matchClosedItemTitle(title: string): string | null {
  const prefix = /^(?:\(lukket punkt\)\s*[:.–-]?|lukket punkt\s*[:.–-])\s*/iu.exec(title);
  if (prefix && prefix[0].length < title.length) return title.slice(prefix[0].length);
  const suffix = /\s*[–-]?\s*\(lukket punkt\)$/iu.exec(title);
  if (suffix && suffix.index > 0) return title.slice(0, suffix.index);
  return null;
}
