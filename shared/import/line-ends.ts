import { endsInWordHyphen } from './line-join';

/**
 * Where a line of a wrapped paragraph ends on purpose. The text layer has only hard line
 * breaks, so a break the author made is told from a wrap by the line's length: if the next
 * line's first word would have fitted on this line, the line was ended on purpose.
 */

/**
 * The column width in characters: the 90th percentile of the lengths of the text's lines.
 * Proportional fonts make this a rough measure, so the tests below combine it with other
 * signs (capital letter next, final punctuation).
 */
export function estimateColumnWidth(lines: readonly string[]): number {
  const lengths = lines.filter((line) => line.length > 0).map((line) => line.length).sort((a, b) => a - b);
  if (lengths.length === 0) return 80;
  return Math.max(40, lengths[Math.floor((lengths.length - 1) * 0.9)]!);
}

/** True when the first word of `next` would have fitted at the end of `line`. */
export function nextWordWouldFit(line: string, next: string, columnWidth: number): boolean {
  const firstWord = next.split(' ')[0] ?? '';
  return line.length + 1 + firstWord.length <= columnWidth;
}

/** True when `text` starts like a new sentence: a capital letter, a digit or an opening quote. */
export function startsSentence(text: string): boolean {
  return /^[\p{Lu}\p{N}"“”„'‘]/u.test(text);
}

/** True when `text` ends with sentence-final punctuation. */
export function endsSentence(text: string): boolean {
  return /[.!?:]["”’)]?$/u.test(text);
}

/**
 * True when the line `line`, followed in the same block by `next`, was ended on purpose:
 * no hyphen carries a word over, the next line starts like a sentence, and its first word
 * would have fitted.
 */
export function isDeliberateLineEnd(line: string, next: string, columnWidth: number): boolean {
  return !endsInWordHyphen(line, next) && startsSentence(next) && nextWordWouldFit(line, next, columnWidth);
}

/** Words a heading does not end with (articles, prepositions, conjunctions, auxiliaries). */
const NON_FINAL_WORDS = new Set([
  'af', 'at', 'de', 'den', 'der', 'det', 'efter', 'eller', 'en', 'er', 'et', 'for', 'fra', 'har', 'hvor', 'i', 'kan',
  'med', 'mellem', 'men', 'om', 'og', 'over', 'på', 'samt', 'skal', 'som', 'så', 'til', 'under', 'ved', 'vil',
]);

/**
 * True when `text` can be a topic line: it starts with a capital or digit, has no final
 * punctuation, is at most one and a half column widths long, and does not end with a word
 * that cannot end a heading.
 */
export function canBeTopicLine(text: string, columnWidth: number): boolean {
  if (!/^[\p{Lu}\p{N}]/u.test(text) || /[.,;:!?-]$/u.test(text)) return false;
  if (text.length > columnWidth * 1.5) return false;
  const lastWord = (text.split(' ').pop() ?? '').toLowerCase();
  return !NON_FINAL_WORDS.has(lastWord);
}
