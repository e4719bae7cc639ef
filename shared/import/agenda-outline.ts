import type { ImportWarning } from './import-result';
import { joinLines } from './line-join';
import { matchBareUrl, matchCaseLine, matchClosedItemTitle, matchItemHeading, matchSectionHeading, matchSubheading } from './line-patterns';
import type { SourceLine, SourceText } from './source-lines';

/** An item as found in the text: heading, case line, and the lines of its body. */
export interface OutlineItem {
  title: string;
  caseLine: string;
  closed: boolean;
  /** The number the source gave it ("3.1."); the agenda derives its own from position. */
  sourceNumber: string;
  line: number;
  body: SourceLine[];
}

/** A section as found in the text. */
export interface OutlineSection {
  title: string;
  line: number;
  items: OutlineItem[];
  /** Lines between the section heading and its first item. */
  leading: SourceLine[];
}

/** The skeleton of an agenda text: cover lines, then sections with their items. */
export interface AgendaOutline {
  cover: SourceLine[];
  sections: OutlineSection[];
  warnings: ImportWarning[];
}

/** How many lines after an item heading its title may run on before the case line. */
const MAX_TITLE_CONTINUATION_LINES = 3;

/**
 * Finds the sections and items of an agenda text.
 *
 * - A section heading is "N. Title" where N is the next section number, standing at the start
 *   of a page (sections start new pages) or alone between blank lines.
 * - An item heading is "N.M. Title" in the current section with a number above the previous
 *   item's. Its title runs on over up to three lines until the case line
 *   ("SAG-2024-01875 chbn/jhp"); the wrapped parts are joined.
 * - An item numbered "N.1." right after section N-1 starts section N even without a heading
 *   (with a warning), so a text that lacks a heading still imports.
 */
export function readOutline(source: SourceText): AgendaOutline {
  const { lines } = source;
  const sections: OutlineSection[] = [];
  const cover: SourceLine[] = [];
  const warnings: ImportWarning[] = [];
  let lastItemNumber = 0;
  let currentItem: OutlineItem | null = null;

  const isBlankAt = (index: number) => index < 0 || index >= lines.length || lines[index]!.text === '';
  const standsAlone = (index: number) =>
    lines[index]!.pageStart || (isBlankAt(index - 1) && (isBlankAt(index + 1) || matchItemHeading(lines[index + 1]!.text) !== null));

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const heading = matchSectionHeading(line.text);
    if (heading && heading.number === sections.length + 1 && standsAlone(i)) {
      sections.push({ title: heading.title, line: line.lineNumber, items: [], leading: [] });
      currentItem = null;
      lastItemNumber = 0;
      continue;
    }
    const itemHeading = matchItemHeading(line.text);
    const inCurrentSection = itemHeading !== null && sections.length > 0 && itemHeading.section === sections.length && itemHeading.item > lastItemNumber;
    const startsNextSection = itemHeading !== null && itemHeading.item === 1 && itemHeading.section === sections.length + 1;
    if (itemHeading && (inCurrentSection || startsNextSection)) {
      if (startsNextSection) {
        sections.push({ title: '', line: line.lineNumber, items: [], leading: [] });
        lastItemNumber = 0;
        warnings.push({ line: line.lineNumber, message: `Afsnit ${itemHeading.section} har ingen overskrift før punkt ${itemHeading.section}.1; afsnittet er oprettet uden titel` });
      } else if (itemHeading.item !== lastItemNumber + 1) {
        warnings.push({
          line: line.lineNumber,
          message: `Punkt ${itemHeading.section}.${itemHeading.item}. følger efter ${itemHeading.section}.${lastItemNumber}.; numrene afledes af rækkefølgen, så det bliver ${itemHeading.section}.${sections.at(-1)!.items.length + 1}.`,
        });
      }
      let caseIndex = -1;
      for (let k = i + 1; k < lines.length && k <= i + MAX_TITLE_CONTINUATION_LINES; k++) {
        const text = lines[k]!.text;
        if (matchCaseLine(text) !== null) {
          caseIndex = k;
          break;
        }
        if (text === '' || matchSubheading(text) !== null || matchBareUrl(text) !== null || matchItemHeading(text) !== null) break;
      }
      let title = itemHeading.title;
      if (caseIndex > 0) for (let k = i + 1; k < caseIndex; k++) title = joinLines(title, lines[k]!.text);
      const openTitle = matchClosedItemTitle(title);
      currentItem = {
        title: openTitle ?? title,
        caseLine: caseIndex > 0 ? matchCaseLine(lines[caseIndex]!.text)! : '',
        closed: openTitle !== null,
        sourceNumber: `${itemHeading.section}.${itemHeading.item}.`,
        line: line.lineNumber,
        body: [],
      };
      if (caseIndex < 0) {
        warnings.push({ line: line.lineNumber, message: `Punkt ${currentItem.sourceNumber} har ingen sagslinje (sagsnummer og initialer) lige under titlen` });
      }
      sections.at(-1)!.items.push(currentItem);
      lastItemNumber = itemHeading.item;
      if (caseIndex > 0) i = caseIndex;
      continue;
    }
    if (currentItem) currentItem.body.push(line);
    else if (sections.length > 0) sections.at(-1)!.leading.push(line);
    else cover.push(line);
  }
  return { cover, sections, warnings };
}
