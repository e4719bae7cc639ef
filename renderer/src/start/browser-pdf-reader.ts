import type { PdfReader } from '../../../shared/import/pdf-text-layer';

/**
 * pdfjs-dist for the browser client, loaded only when a PDF is imported (it is large). Its
 * worker is bundled as a file of the app, so the Content-Security-Policy's worker-src 'self'
 * allows it.
 */
export async function browserPdfReader(): Promise<PdfReader> {
  const [pdfjs, worker] = await Promise.all([import('pdfjs-dist'), import('pdfjs-dist/build/pdf.worker.min.mjs?url')]);
  pdfjs.GlobalWorkerOptions.workerSrc = worker.default;
  // No standard-font data: agenda PDFs embed their fonts, and text extraction does not need glyphs.
  return { getDocument: pdfjs.getDocument as PdfReader['getDocument'] };
}
