import type { getDocument as GetDocument, PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { isSafeHref } from '../schema/link-policy';

/**
 * What reading a PDF needs from the runtime: pdfjs-dist's `getDocument` and the URL of its
 * standard font data. The Node edges (server/import, Electron's main process) pass them in,
 * so this module stays free of `node:*`.
 */
export interface PdfReader {
  getDocument: typeof GetDocument;
  /** Where pdfjs finds its standard-font data (with a trailing slash); none where PDFs embed their fonts. */
  standardFontDataUrl?: string;
}

/** Thrown when a file cannot be read as a PDF; the message (Danish) says why. */
export class PdfTextError extends Error {
  override name = 'PdfTextError';
}

const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"

/** True when `bytes` start like a PDF file ("%PDF-", possibly after a little junk). */
export function looksLikePdf(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length, 1024) - PDF_MAGIC.length;
  for (let i = 0; i <= end; i++) if (PDF_MAGIC.every((byte, j) => bytes[i + j] === byte)) return true;
  return false;
}

interface PositionedText {
  text: string;
  x: number;
  y: number;
  width: number;
  fontSize: number;
}

interface TextLine {
  y: number;
  fontSize: number;
  items: PositionedText[];
}

/** Groups a page's text items into lines by their baseline, top to bottom, left to right. */
function pageLines(items: PositionedText[]): TextLine[] {
  const lines: TextLine[] = [];
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
  for (const item of sorted) {
    const line = lines.find((l) => Math.abs(l.y - item.y) <= 0.4 * Math.min(l.fontSize, item.fontSize));
    if (line) {
      line.items.push(item);
      line.fontSize = Math.max(line.fontSize, item.fontSize);
    } else {
      lines.push({ y: item.y, fontSize: item.fontSize, items: [item] });
    }
  }
  for (const line of lines) line.items.sort((a, b) => a.x - b.x);
  return lines.sort((a, b) => b.y - a.y);
}

/** The text of one line: items in x order, with a space where there is a visible gap. */
function lineText(line: TextLine): string {
  let text = '';
  let end = -Infinity;
  for (const item of line.items) {
    const gap = item.x - end;
    if (text !== '' && gap > 0.2 * item.fontSize && !text.endsWith(' ') && !item.text.startsWith(' ')) text += ' ';
    text += item.text;
    end = item.x + item.width;
  }
  return text.replace(/\s+$/u, '');
}

/**
 * The usual distance between the baselines of two lines of a paragraph: a low percentile of
 * all baseline gaps, because paragraph gaps can outnumber line gaps when paragraphs are short.
 */
function usualLineSpacing(gaps: number[]): number {
  if (gaps.length === 0) return 0;
  const sorted = [...gaps].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) * 0.2)]!;
}

/**
 * Extracts the text layer of a PDF in the line-oriented form `shared/import` reads:
 *
 * - one line of text per line of the page, rebuilt from the text items by their baseline
 *   (items on one baseline are joined left to right, with a space where there is a gap);
 * - an empty line where the gap to the next line is clearly larger than the document's
 *   usual line spacing (a paragraph break);
 * - a form feed (`\f`) before the first line of every page after the first;
 * - the addresses of the page's links (http, https, mailto) as lines of their own at the
 *   end of the page, as the reference text layer has them.
 *
 * Throws PdfTextError when the bytes are not a readable PDF.
 */
export async function extractPdfText(bytes: Uint8Array, reader: PdfReader): Promise<string> {
  let pdf: PDFDocumentProxy;
  try {
    pdf = await reader.getDocument({
      data: new Uint8Array(bytes),
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      ...(reader.standardFontDataUrl ? { standardFontDataUrl: reader.standardFontDataUrl } : {}),
      verbosity: 0,
    }).promise;
  } catch (error) {
    const name = (error as Error).name;
    if (name === 'PasswordException') throw new PdfTextError('PDF-filen er beskyttet med adgangskode og kan ikke læses');
    throw new PdfTextError(`Filen kunne ikke læses som PDF (${(error as Error).message})`);
  }
  try {
    const pages: Array<{ lines: TextLine[]; links: string[] }> = [];
    for (let number = 1; number <= pdf.numPages; number++) {
      const page = await pdf.getPage(number);
      const content = await page.getTextContent();
      const items: PositionedText[] = [];
      for (const item of content.items) {
        if (!('str' in item) || item.str.trim() === '') continue;
        const [, , c, d, x, y] = item.transform as number[];
        items.push({ text: item.str, x: x!, y: y!, width: item.width, fontSize: Math.hypot(c!, d!) || item.height || 10 });
      }
      const annotations: Array<{ subtype?: string; url?: unknown }> = await page.getAnnotations();
      const links = annotations.filter((a) => a.subtype === 'Link' && isSafeHref(a.url)).map((a) => a.url as string);
      pages.push({ lines: pageLines(items), links });
      page.cleanup();
    }
    const gaps = pages.flatMap((p) => p.lines.slice(1).map((line, i) => p.lines[i]!.y - line.y)).filter((gap) => gap > 0);
    const lineSpacing = usualLineSpacing(gaps);
    return pages
      .map((p) => {
        const out: string[] = [];
        p.lines.forEach((line, i) => {
          if (i > 0 && lineSpacing > 0 && p.lines[i - 1]!.y - line.y > 1.5 * lineSpacing) out.push('');
          out.push(lineText(line));
        });
        if (p.links.length > 0) out.push('', ...p.links);
        return out.join('\n');
      })
      .join('\n\f');
  } finally {
    await pdf.destroy();
  }
}
