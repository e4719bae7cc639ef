/**
 * How two physical lines of a hyphenated text layer join into one line of text.
 *
 * The rule (end-of-line hyphenation), applied only where a line ends in a hyphen:
 * 1. A soft hyphen (U+00AD) at the end of a line is always a break inside a word: removed.
 * 2. A hyphen after something that is not a letter or digit (" -", a lone "-") is a dash:
 *    the lines join with a space.
 * 3. If the next line starts with a conjunction ("og", "eller", "samt", …), the hyphen is a
 *    suspended compound ("sundheds-" / "og omsorgsklynger" → "sundheds- og omsorgsklynger"):
 *    kept, followed by a space.
 * 4. If the part before the hyphen (after any earlier hyphen in the same word) contains a
 *    digit, or is an abbreviation in capitals of two letters or more ("EU-", "KKR-",
 *    "2024-", "SAG-2024-"), the hyphen is real: kept, no space ("EU-formandskabet").
 * 5. If the next line starts with a lowercase letter, the hyphen splits a word: removed
 *    ("Frigastud-" / "valget" → "Frigastudvalget", "Ukra-" / "ine" → "Ukraine").
 * 6. Otherwise (the next line starts with a capital, a digit or punctuation) the hyphen is
 *    real: kept, no space ("Nord-" / "Amerika").
 *
 * What the rule cannot know without a dictionary: a real hyphen after a lowercase word
 * part that falls exactly at a line end ("e-" / "mail") is taken as a word break.
 */
export type LineBreakKind = 'soft-hyphen' | 'hard-hyphen' | 'suspended-hyphen' | 'space';

/** Words after which a hyphen at the end of the previous line is a suspended compound. */
const SUSPENSION_WORDS = new Set(['og', 'eller', 'samt', 'men', 'el.', 'hhv.', 'henholdsvis', '&', 'and', 'or']);

const HYPHENS = new Set(['-', '\u2010']);

/** How the line `previous` joins the line `next` (both trimmed). */
export function lineBreakKind(previous: string, next: string): LineBreakKind {
  if (previous.endsWith('\u00ad')) return 'soft-hyphen';
  const lastChar = previous.slice(-1);
  if (!HYPHENS.has(lastChar) || next === '') return 'space';
  const lastWord = previous.slice(previous.lastIndexOf(' ') + 1, -1);
  const lastPart = lastWord.split(/[-\u2010]/).pop() ?? '';
  if (!/[\p{L}\p{N}]$/u.test(lastPart)) return 'space';
  const nextWord = (next.split(' ')[0] ?? '').toLowerCase();
  if (SUSPENSION_WORDS.has(nextWord) || SUSPENSION_WORDS.has(nextWord.replace(/[,;:]$/, ''))) return 'suspended-hyphen';
  if (/\p{N}/u.test(lastPart) || /^\p{Lu}{2,}$/u.test(lastPart)) return 'hard-hyphen';
  if (/^\p{Ll}/u.test(next)) return 'soft-hyphen';
  return 'hard-hyphen';
}

/** True when `previous` ends in a hyphen that continues on the next line (not a dash). */
export function endsInWordHyphen(previous: string, next: string): boolean {
  return lineBreakKind(previous, next) !== 'space';
}

/** Joins two physical lines into one line of text by the rule above. */
export function joinLines(previous: string, next: string): string {
  if (previous === '') return next;
  if (next === '') return previous;
  switch (lineBreakKind(previous, next)) {
    case 'soft-hyphen':
      return previous.slice(0, -1) + next;
    case 'hard-hyphen':
      return previous + next;
    case 'suspended-hyphen':
    case 'space':
      return `${previous} ${next}`;
  }
}
