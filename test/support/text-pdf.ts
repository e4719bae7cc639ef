/**
 * Writes small PDFs with a real text layer for tests of PDF import: Helvetica text placed
 * line by line, several pages, and link annotations. Enough PDF to be read by pdfjs and
 * pdftotext; nothing more.
 */

/** One run of text at a position (points from the bottom left of an A4 page). */
export interface PdfText {
  x: number;
  y: number;
  text: string;
  size?: number;
}

/** A link annotation over a rectangle [x1, y1, x2, y2]. */
export interface PdfLink {
  rect: [number, number, number, number];
  url: string;
}

export interface PdfPage {
  texts: PdfText[];
  links?: PdfLink[];
}

/** Characters outside Latin-1 that WinAnsiEncoding has, and their codes. */
const WIN_ANSI_EXTRA: Record<string, number> = { '–': 0x96, '—': 0x97, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '•': 0x95, '€': 0x80 };

/** A PDF string literal of `text` in WinAnsiEncoding. */
function pdfString(text: string): string {
  let out = '(';
  for (const char of text) {
    const code = WIN_ANSI_EXTRA[char] ?? char.codePointAt(0)!;
    if (code > 0xff) throw new Error(`text-pdf: "${char}" is not in WinAnsiEncoding`);
    if (char === '(' || char === ')' || char === '\\') out += `\\${char}`;
    else if (code < 0x20 || code > 0x7e) out += `\\${code.toString(8).padStart(3, '0')}`;
    else out += char;
  }
  return `${out})`;
}

/**
 * Lays out paragraphs as lines: each inner array is a paragraph whose lines are set
 * `leading` points apart, with an extra `leading` between paragraphs. Returns the texts and
 * the y below the last line.
 */
export function layoutParagraphs(paragraphs: string[][], options: { x?: number; top?: number; leading?: number; size?: number } = {}): { texts: PdfText[]; bottom: number } {
  const { x = 72, top = 770, leading = 14, size = 11 } = options;
  const texts: PdfText[] = [];
  let y = top;
  for (const paragraph of paragraphs) {
    for (const line of paragraph) {
      texts.push({ x, y, text: line, size });
      y -= leading;
    }
    y -= leading;
  }
  return { texts, bottom: y };
}

/** The bytes of a PDF with the given pages. */
export function textPdf(pages: PdfPage[]): Uint8Array {
  const objects: string[] = [];
  const add = (body: string): number => objects.push(body);
  const font = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  const pagesId = add('');
  const kids = pages.map((page) => {
    const content = ['BT'];
    for (const t of page.texts) content.push(`/F1 ${t.size ?? 11} Tf 1 0 0 1 ${t.x} ${t.y} Tm ${pdfString(t.text)} Tj`);
    content.push('ET');
    const stream = content.join('\n');
    const contents = add(`<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`);
    const annots = (page.links ?? []).map((l) => `<< /Type /Annot /Subtype /Link /Rect [${l.rect.join(' ')}] /Border [0 0 0] /A << /S /URI /URI ${pdfString(l.url)} >> >>`);
    return add(
      `<< /Type /Page /Parent ${pagesId} 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${contents} 0 R${annots.length > 0 ? ` /Annots [${annots.join(' ')}]` : ''} >>`,
    );
  });
  objects[pagesId - 1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  const catalog = add(`<< /Type /Catalog /Pages ${pagesId} 0 R >>`);
  let out = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((body, index) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${index + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, 'latin1'));
}

/**
 * A three-page KL-style agenda as a PDF: a cover with the meeting facts, section 1 with an
 * item whose title wraps, a "kan læses her" link and an Indstilling with clauses, and
 * section 2 with hyphenated text, a "./." marker set in the left margin, and a dash list.
 */
export function sampleAgendaPdf(): Uint8Array {
  const cover = layoutParagraphs([['KKR Midtjylland'], ['Dagsorden'], ['18. juni 2024'], ['kl. 10.00-12.00'], ['Sted: Regionshuset Viborg']], { top: 700, leading: 20 });
  const first = layoutParagraphs([
    ['1. Godkendelse af referat'],
    ['1.1. Godkendelse af referat fra møde i KKR Midtjylland den 17.', 'april 2024', 'SAG-2024-01875 chbn/jhp'],
    ['Baggrund'],
    ['Referatet fra mødet den 17. april 2024 kan læses her'],
    ['Indstilling'],
    ['Det indstilles,', '- at KKR Midtjylland godkender referatet fra mødet den 17. april', '2024.', '– at KKR Midtjylland tager orienteringen til efterretning.'],
  ]);
  const second = layoutParagraphs([
    ['2. Siden sidst'],
    ['2.1. Orienteringer', 'SAG-2024-01875 chbn / jhp'],
    ['Sagsfremstilling'],
    ['Henvendelse til Erhvervsministeren vedr. Frigastudvalget', 'I forlængelse af seneste møde fremsendte formandskabet en henvendelse, da Frigastud-', 'valget havde afleveret sine anbefalinger om EU-', 'formandskabet.'],
    ['PLACEHOLDER'],
    ['Under punktet orienteres om:', '- Møde mellem KL og KKR formandskaberne', '- Kvartalsmøde med regionsrådsformanden'],
  ]);
  // The enclosure marker stands in the left margin, as its own text item on the line.
  const marker = second.texts.findIndex((t) => t.text === 'PLACEHOLDER');
  const markerY = second.texts[marker]!.y;
  second.texts.splice(marker, 1, { x: 40, y: markerY, text: './.', size: 11 }, { x: 72, y: markerY, text: 'Brevet fra KKR formandskabet er vedlagt.', size: 11 });
  const linkY = first.texts.find((t) => t.text.endsWith('kan læses her'))!.y;
  return textPdf([
    { texts: cover.texts },
    { texts: first.texts, links: [{ rect: [280, linkY - 2, 345, linkY + 10], url: 'https://www.kl.dk/referat.pdf' }] },
    { texts: second.texts },
  ]);
}
