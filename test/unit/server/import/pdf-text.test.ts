import { describe, expect, it } from 'vitest';
import { extractPdfText, looksLikePdf, PdfTextError } from '../../../../server/import/pdf-text';
import { importAgendaText } from '../../../../shared/import/import-agenda';
import { agendaLinks, agendaReadingLines } from '../../../support/agenda-words';
import { sampleAgendaPdf, textPdf } from '../../../support/text-pdf';

describe('extractPdfText', () => {
  it('rebuilds lines, paragraph gaps, page breaks and link addresses of a generated agenda PDF', async () => {
    const text = await extractPdfText(sampleAgendaPdf());
    expect(text.split('\f')).toEqual([
      'KKR Midtjylland\n\nDagsorden\n\n18. juni 2024\n\nkl. 10.00-12.00\n\nSted: Regionshuset Viborg\n',
      [
        '1. Godkendelse af referat',
        '',
        '1.1. Godkendelse af referat fra møde i KKR Midtjylland den 17.',
        'april 2024',
        'SAG-2024-01875 chbn/jhp',
        '',
        'Baggrund',
        '',
        'Referatet fra mødet den 17. april 2024 kan læses her',
        '',
        'Indstilling',
        '',
        'Det indstilles,',
        '- at KKR Midtjylland godkender referatet fra mødet den 17. april',
        '2024.',
        '– at KKR Midtjylland tager orienteringen til efterretning.',
        '',
        'https://www.kl.dk/referat.pdf',
        '',
      ].join('\n'),
      [
        '2. Siden sidst',
        '',
        '2.1. Orienteringer',
        'SAG-2024-01875 chbn / jhp',
        '',
        'Sagsfremstilling',
        '',
        'Henvendelse til Erhvervsministeren vedr. Frigastudvalget',
        'I forlængelse af seneste møde fremsendte formandskabet en henvendelse, da Frigastud-',
        'valget havde afleveret sine anbefalinger om EU-',
        'formandskabet.',
        '',
        './. Brevet fra KKR formandskabet er vedlagt.',
        '',
        'Under punktet orienteres om:',
        '- Møde mellem KL og KKR formandskaberne',
        '- Kvartalsmøde med regionsrådsformanden',
      ].join('\n'),
    ]);
  });

  it('orders items on a line by x whatever their order in the page, and spaces them only at gaps', async () => {
    const pdf = textPdf([
      {
        texts: [
          { x: 300, y: 700, text: 'anden del' },
          { x: 72, y: 700.8, text: 'Første del' },
          { x: 72, y: 680, text: 'Frigastud' },
          { x: 100, y: 680, text: 'valget' },
        ],
      },
    ]);
    expect(await extractPdfText(pdf)).toBe('Første del anden del\nFrigastudvalget');
  });

  it('leaves out link annotations that are not http, https or mailto', async () => {
    const pdf = textPdf([
      {
        texts: [{ x: 72, y: 700, text: 'Se her' }],
        links: [
          { rect: [72, 698, 110, 710], url: 'javascript:alert(1)' },
          { rect: [72, 698, 110, 710], url: 'mailto:kkr@kl.dk' },
        ],
      },
    ]);
    expect(await extractPdfText(pdf)).toBe('Se her\n\nmailto:kkr@kl.dk');
  });

  it('gives empty text for a PDF without a text layer', async () => {
    expect(await extractPdfText(textPdf([{ texts: [] }, { texts: [] }]))).toBe('\n\f');
  });

  it('refuses bytes that are not a PDF, in Danish', async () => {
    const notPdf = new TextEncoder().encode('%PDF-1.4\nthis is not really a pdf');
    await expect(extractPdfText(notPdf)).rejects.toThrow(PdfTextError);
    await expect(extractPdfText(notPdf)).rejects.toThrow(/kunne ikke læses som PDF/);
  });

  it('recognises PDF bytes by their header', () => {
    expect(looksLikePdf(sampleAgendaPdf())).toBe(true);
    expect(looksLikePdf(new TextEncoder().encode('1. Godkendelse af referat'))).toBe(false);
  });

  it('feeds the importer: the generated PDF imports with its structure, facts and link', async () => {
    const result = importAgendaText(await extractPdfText(sampleAgendaPdf()));
    expect(result.summary).toEqual({ sections: 2, items: 2, enclosures: 1, links: 1 });
    expect(result.agenda.meeting).toEqual({ committee: 'KKR Midtjylland', kind: 'dagsorden', date: '2024-06-18', time: '10.00-12.00', place: 'Regionshuset Viborg' });
    expect(result.warnings).toEqual([]);
    expect(agendaReadingLines(result.agenda.body)).toEqual([
      '1. Godkendelse af referat',
      '1.1. Godkendelse af referat fra møde i KKR Midtjylland den 17. april 2024',
      'SAG-2024-01875 chbn/jhp',
      'Baggrund',
      'Referatet fra mødet den 17. april 2024 kan læses her',
      'Indstilling',
      'Det indstilles,',
      'at KKR Midtjylland godkender referatet fra mødet den 17. april 2024.',
      'at KKR Midtjylland tager orienteringen til efterretning.',
      '2. Siden sidst',
      '2.1. Orienteringer',
      'SAG-2024-01875 chbn / jhp',
      'Sagsfremstilling',
      'Henvendelse til Erhvervsministeren vedr. Frigastudvalget',
      'I forlængelse af seneste møde fremsendte formandskabet en henvendelse, da Frigastudvalget havde afleveret sine anbefalinger om EU-formandskabet.',
      './. Brevet fra KKR formandskabet er vedlagt.',
      'Under punktet orienteres om:',
      'Møde mellem KL og KKR formandskaberne',
      'Kvartalsmøde med regionsrådsformanden',
    ]);
    expect(agendaLinks(result.agenda.body)).toEqual([{ text: 'kan læses her', href: 'https://www.kl.dk/referat.pdf' }]);
  });
});
