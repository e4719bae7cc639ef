import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Helpers that read an exported PDF with poppler-utils and qpdf, as a reviewer would. */

const tempDirs: string[] = [];

/** Writes PDF bytes to a fresh temporary file and returns its path (`removeTempPdfs` removes them). */
export function writeTempPdf(pdf: Uint8Array, name = 'agenda.pdf'): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'dagsorden-export-'));
  tempDirs.push(dir);
  const file = path.join(dir, name);
  writeFileSync(file, pdf);
  return file;
}

/** Removes every file `writeTempPdf` wrote (call in `afterAll`). */
export function removeTempPdfs(): void {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** The text of each page (`pdftotext`, reading order, or `-layout`). */
export function pdfPages(file: string, layout = false): string[] {
  const text = execFileSync('pdftotext', [...(layout ? ['-layout'] : []), '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  const pages = text.split('\f');
  if (pages.at(-1)?.trim() === '') pages.pop();
  return pages;
}

/** `pdfinfo` as key → value. */
export function pdfInfo(file: string): Record<string, string> {
  const out = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return Object.fromEntries(out.split('\n').filter((l) => l.includes(':')).map((l) => {
    const i = l.indexOf(':');
    return [l.slice(0, i).trim(), l.slice(i + 1).trim()];
  }));
}

/** The XMP metadata (`pdfinfo -meta`). */
export function pdfMetadata(file: string): string {
  return execFileSync('pdfinfo', ['-meta', file], { encoding: 'utf8' });
}

/** The fonts of the PDF (`pdffonts`): name and whether embedded. */
export function pdfFonts(file: string): Array<{ name: string; embedded: boolean }> {
  const lines = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
  return lines.map((line) => {
    const cols = line.trim().split(/\s+/);
    // name type… encoding emb sub uni object ID: emb is the 5th column from the end.
    return { name: cols[0]!, embedded: cols[cols.length - 5] === 'yes' };
  });
}

/** A bookmark with its page (1-based) and children. */
export interface Bookmark {
  title: string;
  page: number;
  kids: Bookmark[];
}

/** The bookmarks (`qpdf --json --json-key=outlines`). */
export function pdfBookmarks(file: string): Bookmark[] {
  const json = JSON.parse(execFileSync('qpdf', ['--json', '--json-key=outlines', file], { encoding: 'utf8' })) as {
    outlines: Array<{ title: string; destpageposfrom1: number; kids: unknown[] }>;
  };
  const map = (entries: Array<{ title: string; destpageposfrom1: number; kids: unknown[] }>): Bookmark[] =>
    entries.map((e) => ({ title: e.title, page: e.destpageposfrom1, kids: map(e.kids as typeof entries) }));
  return map(json.outlines);
}

/** Every object of the PDF, decoded, as JSON text (`qpdf --json`): to search for strings anywhere in the file. */
export function pdfObjectsJson(file: string): string {
  return execFileSync('qpdf', ['--json', '--json-key=qpdf', '--decode-level=all', '--json-stream-data=inline', file], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
}

/**
 * Text with line-end hyphenation undone. In a PDF from Typst a soft hyphen (U+00AD) marks
 * where it hyphenated: it and the line end go. A hard hyphen at a line end in the PDF is the
 * text's own ("KKR-/formandskabet", "etablerings-/og"): it stays, and `words` splits words
 * after such hyphens on both sides. In the reference's text layer a hard hyphen after a
 * letter at a line end is hyphenation ("Frigastud-/valget").
 */
export function dehyphenate(text: string, source: 'pdf' | 'reference'): string {
  let result = text.replace(/\u00ad[ \t]*\r?\n\s*/g, '');
  if (source === 'reference') result = result.replace(/(\p{L})-[ \t]*\r?\n\s*/gu, '$1');
  return result.replace(/[\u00ad\u2060]/g, '');
}

/**
 * The words of a text: split on white space and after a hyphen between letters ("KKR-" +
 * "formandskabet", so a compound broken at its hyphen compares equal), list dashes dropped.
 */
export function words(text: string): string[] {
  return text
    .split(/\s+/)
    .flatMap((word) => word.split(/(?<=\p{L}-)(?=\p{L})/u))
    .filter((w) => w !== '' && !/^[-–]+$/.test(w));
}

/** The page text with the running header and footer lines removed. */
export function withoutHeaderAndFooter(page: string, header: RegExp[], footer: RegExp): string {
  return page
    .split('\n')
    .filter((line) => !header.some((h) => h.test(line.trim())) && !footer.test(line.trim()))
    .join('\n');
}
