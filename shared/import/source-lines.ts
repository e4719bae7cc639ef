/**
 * One physical line of an agenda's text layer, as the importer reads it.
 */
export interface SourceLine {
  /** The line's text with surrounding whitespace removed and inner runs of spaces collapsed. */
  text: string;
  /** The line as it stands in the source, page marks removed (spacing matters on the cover). */
  raw: string;
  /** 1-based line number in the source, for warnings. */
  lineNumber: number;
  /** 0-based page index (the cover is page 0 when the text has page marks). */
  page: number;
  /** True when this line is the first line of a page. */
  pageStart: boolean;
}

/** The lines of a text layer, and whether the source marked its page breaks at all. */
export interface SourceText {
  lines: SourceLine[];
  /** False for plain text without page marks; section headings are then found by blank lines. */
  hasPageMarks: boolean;
}

/**
 * True for a "double-spaced" text layer, where every line is followed by an empty line and
 * paragraphs are separated by lines holding only spaces (as in the reference agenda, whose
 * text layer was saved one line per paragraph).
 */
function isDoubleSpaced(rawLines: readonly string[]): boolean {
  let textLines = 0;
  let followedByEmpty = 0;
  rawLines.forEach((line, index) => {
    if (line.trim() === '') return;
    textLines++;
    if (rawLines[index + 1] === '') followedByEmpty++;
  });
  // Without lines of spaces there is nothing to tell paragraphs apart, so the text is read as ordinary.
  const hasSpaceLines = rawLines.some((line) => line !== '' && line.trim() === '');
  return hasSpaceLines && textLines > 0 && followedByEmpty / textLines > 0.6;
}

/**
 * Splits the text layer of an agenda into lines.
 *
 * Blank lines separate paragraphs. In a double-spaced text layer (see `isDoubleSpaced`)
 * the empty lines only separate lines, and lines of spaces (or two empty lines in a row)
 * separate paragraphs.
 *
 * Two page-break conventions are understood: a form feed (`\f`, as pdftotext and
 * `server/import/pdf-text.ts` write it) before the first line of a page, and the reference
 * text's convention of a single leading space on the first line of a page
 * (" 3. Regionalpolitiske sager").
 */
export function splitSourceText(source: string): SourceText {
  const rawLines = source.replace(/\r\n?/g, '\n').split('\n');
  const hasFormFeeds = source.includes('\f');
  const doubleSpaced = isDoubleSpaced(rawLines);
  const lines: SourceLine[] = [];
  let page = 0;
  let hasPageMarks = hasFormFeeds;
  rawLines.forEach((raw, index) => {
    if (doubleSpaced && raw === '' && rawLines[index - 1] !== '') return;
    let pageStart = false;
    let rest = raw;
    const feeds = rest.split('\f').length - 1;
    if (feeds > 0) {
      // Each form feed ends a page; the text after it starts the next one.
      page += feeds;
      rest = rest.replace(/\f/g, '');
      pageStart = true;
    } else if (!hasFormFeeds && /^ \S/.test(rest)) {
      if (index > 0) page += 1;
      pageStart = true;
      hasPageMarks = true;
    }
    lines.push({ text: rest.replace(/\s+/g, ' ').trim(), raw: rest, lineNumber: index + 1, page, pageStart });
  });
  return { lines, hasPageMarks };
}
