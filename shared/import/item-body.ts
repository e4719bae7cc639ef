import type { SubheadingKind } from '../schema/subheading-kind';
import type { ImportBlock, TextPlace } from './import-blocks';
import type { ImportWarning } from './import-result';
import { canBeTopicLine, endsSentence, isDeliberateLineEnd, startsSentence } from './line-ends';
import { endsInWordHyphen, joinLines } from './line-join';
import { matchBareUrl, matchBullet, matchEnclosure, matchSubheading } from './line-patterns';
import type { SourceLine } from './source-lines';

/** The blocks of one item body, and what could not be read as the source said. */
export interface ItemBodyParse {
  blocks: ImportBlock[];
  warnings: ImportWarning[];
}

/**
 * Reads the lines of one item's body (everything after its case line) into blocks.
 *
 * - Blank lines end a block. A page break ends one only where the page ends a sentence and
 *   the next page starts one; otherwise text runs on over it.
 * - "Baggrund", "Indstilling", "Sagsfremstilling", "Beslutning" alone on a line are subheadings.
 * - After "Indstilling", the first paragraph is the lead and the dash entries that follow
 *   it are the clauses.
 * - "./." starts an enclosure marker; its name may wrap onto the next line.
 * - "-", "–" or "•" with a space starts a bullet entry; lines after it belong to the entry
 *   until a blank line or another structure.
 * - Inside Sagsfremstilling, a short line without final punctuation, ended on purpose and
 *   followed by text in the same block, is a topic line.
 * - Other lines form paragraphs; a paragraph also ends where a line that ends a sentence
 *   was ended on purpose (see line-ends.ts).
 */
export function parseItemBody(lines: readonly SourceLine[], columnWidth: number): ItemBodyParse {
  const blocks: ImportBlock[] = [];
  const warnings: ImportWarning[] = [];
  let mode: SubheadingKind | null = null;
  let awaitingIndstilling = false;
  let i = 0;

  const isBlank = (line: SourceLine) => line.text === '';
  const isUrl = (line: SourceLine) => matchBareUrl(line.text) !== null;
  const isStructural = (line: SourceLine) =>
    isBlank(line) || isUrl(line) || matchSubheading(line.text) !== null || matchBullet(line.text) !== null || matchEnclosure(line.text) !== null;

  const place = (text: string, first: number, end: number): TextPlace => ({
    text,
    links: [],
    line: lines[first]!.lineNumber,
    firstPage: lines[first]!.page,
    lastPage: lines[Math.max(first, end - 1)]!.page,
  });

  /**
   * A page break gives no blank line, so where a page ends a sentence and the next page
   * starts one, the block ends there.
   */
  const endsAtPageBreak = (next: SourceLine, previous: SourceLine) => next.pageStart && endsSentence(previous.text) && startsSentence(next.text);

  /** Joins lines after `start` onto `text` until a structural line, a block-ending page break, or `stop(previous, next)`. */
  const readOn = (start: number, text: string, stop?: (previous: string, next: string) => boolean): { text: string; end: number } => {
    let j = start + 1;
    let joined = text;
    while (
      j < lines.length &&
      !isStructural(lines[j]!) &&
      !endsAtPageBreak(lines[j]!, lines[j - 1]!) &&
      !(stop?.(lines[j - 1]!.text, lines[j]!.text) ?? false)
    ) {
      joined = joinLines(joined, lines[j]!.text);
      j++;
    }
    return { text: joined, end: j };
  };

  /** Reads consecutive dash entries from `start`; returns the entries and the next index. */
  const readEntries = (start: number, what: string): { entries: TextPlace[]; end: number } => {
    const entries: TextPlace[] = [];
    let j = start;
    while (j < lines.length) {
      const first = matchBullet(lines[j]!.text);
      if (first === null) break;
      const { text, end } = readOn(j, first);
      if (text === '') {
        warnings.push({ line: lines[j]!.lineNumber, message: `Tomt punkt i ${what} (en streg uden tekst) er udeladt` });
      } else {
        entries.push(place(text, j, end));
      }
      j = end;
    }
    return { entries, end: j };
  };

  const readIndstilling = (start: number): number => {
    let lead: TextPlace;
    let j = start;
    if (matchBullet(lines[start]!.text) !== null) {
      lead = place('', start, start + 1);
      warnings.push({ line: lines[start]!.lineNumber, message: 'Indstillingen har ingen indledning ("Det indstilles, …"); indledningen er importeret tom' });
    } else {
      const read = readOn(start, lines[start]!.text);
      lead = place(read.text, start, read.end);
      j = read.end;
    }
    // Clauses normally follow the lead directly; blank lines are skipped only after an unfinished lead.
    if (/(,|:|\bat)$/u.test(lead.text) || lead.text === '') {
      let k = j;
      while (k < lines.length && isBlank(lines[k]!)) k++;
      if (k < lines.length && matchBullet(lines[k]!.text) !== null) j = k;
    }
    const { entries, end } = readEntries(j, 'indstillingen');
    blocks.push({ kind: 'indstilling', lead, clauses: entries });
    return end;
  };

  const readEnclosure = (start: number): number => {
    let text = matchEnclosure(lines[start]!.text) ?? '';
    let from = start;
    if (text === '' && start + 1 < lines.length && !isStructural(lines[start + 1]!)) {
      from = start + 1;
      text = lines[from]!.text;
    }
    const read = readOn(from, text, (previous, next) => isDeliberateLineEnd(previous, next, columnWidth));
    if (read.text === '') warnings.push({ line: lines[start]!.lineNumber, message: 'Bilagstegn "./." uden tekst; importeret som et tomt bilagstegn' });
    blocks.push({ kind: 'enclosure', place: place(read.text, start, read.end) });
    return read.end;
  };

  /** A topic line starting at `start`, if there is one: its text and the next index. */
  const readTopicLine = (start: number): { text: string; end: number } | null => {
    let j = start + 1;
    let text = lines[start]!.text;
    // A heading may wrap once, with a hyphen ("… om fremti-" / "dens landdistrikter").
    if (j < lines.length && !isStructural(lines[j]!) && endsInWordHyphen(lines[j - 1]!.text, lines[j]!.text)) {
      text = joinLines(text, lines[j]!.text);
      j++;
    }
    const next = lines[j];
    if (!next || isBlank(next) || isUrl(next) || matchSubheading(next.text) !== null) return null;
    if (!canBeTopicLine(text, columnWidth)) return null;
    const structuralNext = matchBullet(next.text) !== null || matchEnclosure(next.text) !== null;
    if (!structuralNext && !isDeliberateLineEnd(lines[j - 1]!.text, next.text, columnWidth)) return null;
    return { text, end: j };
  };

  const readParagraph = (start: number): number => {
    if (mode === 'sagsfremstilling') {
      const topic = readTopicLine(start);
      if (topic) {
        blocks.push({ kind: 'topicLine', place: place(topic.text, start, topic.end) });
        return topic.end;
      }
    }
    const read = readOn(start, lines[start]!.text, (previous, next) => endsSentence(previous) && isDeliberateLineEnd(previous, next, columnWidth));
    blocks.push({ kind: 'paragraph', place: place(read.text, start, read.end) });
    return read.end;
  };

  while (i < lines.length) {
    const line = lines[i]!;
    if (isBlank(line)) {
      i++;
      continue;
    }
    const url = matchBareUrl(line.text);
    if (url !== null) {
      blocks.push({ kind: 'url', href: url, line: line.lineNumber, page: line.page });
      i++;
      continue;
    }
    const subheading = matchSubheading(line.text);
    if (subheading !== null) {
      blocks.push({ kind: 'subheading', subheading, line: line.lineNumber });
      mode = subheading;
      awaitingIndstilling = subheading === 'indstilling';
      i++;
      continue;
    }
    if (awaitingIndstilling && matchEnclosure(line.text) === null) {
      awaitingIndstilling = false;
      i = readIndstilling(i);
      continue;
    }
    awaitingIndstilling = false;
    if (matchEnclosure(line.text) !== null) {
      i = readEnclosure(i);
    } else if (matchBullet(line.text) !== null) {
      const { entries, end } = readEntries(i, 'en punktopstilling');
      if (entries.length > 0) blocks.push({ kind: 'bulletList', entries });
      i = end;
    } else {
      i = readParagraph(i);
    }
  }
  return { blocks, warnings };
}
