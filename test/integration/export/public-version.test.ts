import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodePdfExporter } from '../../../server/export/export-agenda-pdf';
import { everyNodeAgenda } from '../../support/every-node-agenda';
import { dehyphenate, pdfBookmarks, pdfInfo, pdfMetadata, pdfObjectsJson, pdfPages, writeTempPdf, removeTempPdfs } from './pdf-tools';

// The closed item of everyNodeAgenda (2.2. "Fortrolig personsag") and words found only in it.
const SECRETS = ['Hemmeligordet', 'zyxwvu', 'qwerty', 'SAG-2024-09999'];

/** Everything a reader or a tool can get out of the file: text layer, bookmarks, metadata, every object. */
function everything(file: string): string {
  const text = pdfPages(file).map((page) => dehyphenate(page, 'pdf')).join('\n');
  const bookmarks = JSON.stringify(pdfBookmarks(file));
  return [text, bookmarks, JSON.stringify(pdfInfo(file)), pdfMetadata(file), pdfObjectsJson(file)].join('\n');
}

let publicFile: string;
let internalFile: string;

afterAll(removeTempPdfs);

beforeAll(async () => {
  const exporter = await createNodePdfExporter();
  publicFile = writeTempPdf(exporter.exportPdf(everyNodeAgenda(), { public: true, pdfUa: false }), 'public.pdf');
  internalFile = writeTempPdf(exporter.exportPdf(everyNodeAgenda(), { public: false, pdfUa: false }), 'internal.pdf');
});

describe('public and internal versions', () => {
  it('leaves nothing of a closed item’s body or enclosures anywhere in the public PDF', () => {
    const all = everything(publicFile);
    for (const secret of SECRETS) expect(all, secret).not.toContain(secret);
  });

  it('keeps the closed item’s number and title, marked "(Lukket punkt)", in text, contents and bookmarks', () => {
    const text = pdfPages(publicFile).join('\n').replace(/\s+/g, ' ');
    expect(text).toContain('2.2. Fortrolig personsag (Lukket punkt)');
    expect(text.match(/Fortrolig personsag \(Lukket punkt\)/g)?.length).toBe(2); // contents + heading
    const items = pdfBookmarks(publicFile).flatMap((b) => b.kids.map((k) => k.title));
    expect(items).toContain('2.2. Fortrolig personsag (Lukket punkt)');
  });

  it('keeps the numbering of the items after a closed one', () => {
    const text = pdfPages(publicFile).join('\n').replace(/\s+/g, ' ');
    expect(text).toContain('4.1. Eventuelt');
  });

  it('prints the closed item in full in the internal version', () => {
    const text = pdfPages(internalFile).map((page) => dehyphenate(page, 'pdf')).join('\n');
    for (const secret of SECRETS) expect(text, secret).toContain(secret);
  });
});
