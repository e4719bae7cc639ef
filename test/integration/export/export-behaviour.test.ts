import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agendaBody, bulletList, enclosure, indstilling, item, paragraph, section, subheading, text, topicLine } from '../../../shared/agenda/agenda-builders';
import { agendaFile } from '../../../shared/agenda/agenda-file';
import type { PdfExporter } from '../../../shared/export/pdf-exporter';
import { createNodePdfExporter } from '../../../server/export/export-agenda-pdf';
import { everyNodeAgenda } from '../../support/every-node-agenda';
import { dehyphenate, pdfInfo, pdfMetadata, pdfPages, writeTempPdf, removeTempPdfs } from './pdf-tools';

let exporter: PdfExporter;

afterAll(removeTempPdfs);

beforeAll(async () => {
  exporter = await createNodePdfExporter();
});

// Typst markup in every kind of text: it must print literally, never be evaluated.
const HOSTILE = [
  '#import "/etc/passwd" $x$ *b* <l> \\',
  '#set text(fill: red) [x] _y_ @ref <lab> `raw`',
  '#{panic("boom")} #eval("1 + 1") \\# // ikke en kommentar',
  '= Ikke en overskrift ~ -- --- ... \'enkelt\' "dobbelt"',
  '#read("/etc/hostname") #include "x.typ" /* ingen */',
];

function hostileAgenda() {
  return agendaFile(
    { committee: '#KKR $Midt$', kind: 'dagsorden', date: '2024-06-18', time: '*10*', place: '<sted> @x' },
    agendaBody([
      section(HOSTILE[0]!, [
        item({
          title: HOSTILE[1]!,
          caseLine: 'SAG-#1 [a]_b_',
          body: [
            subheading('baggrund'),
            paragraph([...text(HOSTILE[2]!), ...text(' fed*', [{ type: 'bold' }])]),
            topicLine(HOSTILE[3]!),
            bulletList([HOSTILE[4]!]),
            indstilling('Det indstilles, #at', ['$at$ *KKR*']),
            enclosure('./. #bilag <x>'),
          ],
        }),
      ]),
    ]),
  );
}

describe('exporting to PDF', () => {
  it('prints titles and text full of Typst markup literally', () => {
    const file = writeTempPdf(exporter.exportPdf(hostileAgenda(), { public: false, pdfUa: false }));
    const text = pdfPages(file).map((page) => dehyphenate(page, 'pdf')).join('\n').replace(/\s+/g, ' ');
    for (const hostile of [...HOSTILE, 'SAG-#1 [a]_b_', '#KKR $Midt$ – Dagsorden', '*10*', '<sted> @x', 'Det indstilles, #at', '$at$ *KKR*', './. #bilag <x>', 'fed*']) {
      expect(text, hostile).toContain(hostile);
    }
    expect(pdfInfo(file).Title).toBe('Dagsorden – #KKR $Midt$ – 18. juni 2024');
  });

  it('gives byte-identical PDFs for the same agenda and export time, from separate compilers', async () => {
    const createdAt = new Date('2024-06-11T09:30:00Z');
    const other = await createNodePdfExporter();
    const a = exporter.exportPdf(everyNodeAgenda(), { public: false, pdfUa: false, createdAt });
    const b = other.exportPdf(everyNodeAgenda(), { public: false, pdfUa: false, createdAt });
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const later = exporter.exportPdf(everyNodeAgenda(), { public: false, pdfUa: false, createdAt: new Date('2024-06-12T09:30:00Z') });
    expect(Buffer.from(later).equals(Buffer.from(a))).toBe(false);
    expect(pdfInfo(writeTempPdf(a)).CreationDate).toMatch(/Jun 11 09:30:00 2024/);
  });

  it('writes PDF/UA-1 when asked', () => {
    const file = writeTempPdf(exporter.exportPdf(everyNodeAgenda(), { public: false, pdfUa: true }));
    expect(pdfMetadata(file)).toMatch(/pdfuaid:part>1</);
    expect(pdfInfo(file).Tagged).toBe('yes');
  });
});
