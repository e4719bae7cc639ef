import { createRequire } from 'node:module';
import path from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { extractPdfText as extractWith, type PdfReader } from '../../shared/import/pdf-text-layer';

export { looksLikePdf, PdfTextError } from '../../shared/import/pdf-text-layer';

/** pdfjs-dist as installed for Node. */
export function nodePdfReader(): PdfReader {
  const require = createRequire(import.meta.url);
  const standardFontDataUrl = `${path.join(path.dirname(require.resolve('pdfjs-dist/package.json')), 'standard_fonts')}${path.sep}`;
  return { getDocument, standardFontDataUrl };
}

/** Extracts the text layer of a PDF (see shared/import/pdf-text-layer.ts) with Node's pdfjs-dist. */
export function extractPdfText(bytes: Uint8Array): Promise<string> {
  return extractWith(bytes, nodePdfReader());
}
