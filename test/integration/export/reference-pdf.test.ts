import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportAgendaPdf } from '../../../server/export/export-agenda-pdf';
import { BUNDLED_FONT_FILES } from '../../../server/export/bundled-fonts';
import { REFERENCE_LINKS, referenceAgenda } from '../../fixtures/reference-agenda';
import {
  dehyphenate, pdfBookmarks, pdfFonts, pdfInfo, pdfMetadata, pdfObjectsJson, pdfPages, withoutHeaderAndFooter, words, writeTempPdf, removeTempPdfs,
} from './pdf-tools';
import { REFERENCE_ITEMS, REFERENCE_SECTIONS, referenceBodyWords, referenceMissionAndVision } from './reference-export';

// The reference agenda, exported once (internal version) for every check in this file.
let file: string;
let pages: string[];
let layoutPages: string[];

const HEADER = [/^KKR Midtjylland – Dagsorden\s+18\. juni 2024$/];
const FOOTER = /^Side \d+ af \d+$/;
const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * The body pages (after cover and contents), header and footer removed, hyphenation undone.
 * From `pdftotext -layout`: without it, poppler itself drops a hard hyphen at a line end
 * ("etablerings- og" would read "etableringsog").
 */
function bodyText(): string {
  return layoutPages.slice(2).map((page) => dehyphenate(withoutHeaderAndFooter(page, HEADER, FOOTER), 'pdf')).join('\n');
}

afterAll(removeTempPdfs);

beforeAll(async () => {
  file = writeTempPdf(await exportAgendaPdf(referenceAgenda(), { public: false, pdfUa: false }), 'reference.pdf');
  pages = pdfPages(file);
  layoutPages = pdfPages(file, true);
});

describe('the reference agenda exported to PDF', () => {
  it('shows the cover facts and KL’s Mission and Vision on page 1, without header or footer', () => {
    const cover = collapse(dehyphenate(pages[0]!, 'pdf'));
    for (const fact of ['KKR MIDTJYLLAND', 'Dagsorden', 'Dato:', '18. juni 2024', 'Tidspunkt:', '10.00-12.00', 'Sted:', 'Regionshuset Viborg']) {
      expect(cover).toContain(fact);
    }
    expect(cover).toContain(referenceMissionAndVision());
    expect(cover).not.toMatch(/Side \d+ af/);
  });

  it('starts each of the 7 sections at the top of a page', () => {
    for (const heading of REFERENCE_SECTIONS) {
      const [number, ...title] = heading.split(' ');
      const pattern = new RegExp(`^\\s*${escape(number!)}\\s+${escape(title.join(' '))}\\s*$`);
      const page = layoutPages.findIndex((text) => firstBodyLine(text) !== undefined && pattern.test(firstBodyLine(text)!));
      expect(page, heading).toBeGreaterThan(1);
    }
  });

  it('prints the 9 item headings with their numbers, each followed by its case line', () => {
    const body = collapse(bodyText());
    for (const [number, title, caseLine] of REFERENCE_ITEMS) {
      expect(body).toContain(`${number} ${title} ${caseLine}`);
    }
  });

  it('prints the 6 "./." enclosure markers', () => {
    expect(bodyText().match(/\.\/\./g)).toHaveLength(6);
  });

  it('holds every word of the reference body, in order', () => {
    const pdfWords = words(bodyText()).filter((word) => word !== 'Bilag:');
    expect(pdfWords).toEqual(referenceBodyWords());
  });

  it('prints "Side X af Y" on every page but the cover', () => {
    expect(pages.length).toBeGreaterThan(10);
    pages.forEach((page, index) => {
      if (index === 0) expect(page).not.toContain('Side ');
      else expect(page).toContain(`Side ${index + 1} af ${pages.length}`);
    });
  });

  it('lists in the contents every section and item with the page it is on', () => {
    const entries = contentsEntries(layoutPages[1]!);
    expect(entries.map((e) => e.number)).toEqual([
      '1.', '1.1.', '2.', '2.1.', '3.', '3.1.', '3.2.', '3.3.', '3.4.', '3.5.', '4.', '5.', '6.', '6.1.', '7.', '7.1.',
    ]);
    for (const entry of entries) {
      const onPage = layoutPages[entry.page - 1]!.split('\n').some((line) => new RegExp(`^\\s*${escape(entry.number)}\\s+\\S`).test(line));
      expect(onPage, `${entry.number} on page ${entry.page}`).toBe(true);
    }
  });

  it('is tagged, titled and in Danish', () => {
    const info = pdfInfo(file);
    expect(info.Tagged).toBe('yes');
    expect(info.Title).toBe('Dagsorden – KKR Midtjylland – 18. juni 2024');
    expect(pdfMetadata(file)).toMatch(/<dc:language>[\s\S]*da[\s\S]*<\/dc:language>/);
  });

  it('embeds only the bundled fonts', () => {
    const fonts = pdfFonts(file);
    expect(fonts.length).toBeGreaterThan(0);
    // The PostScript names of the files in BUNDLED_FONT_FILES.
    const bundled = ['Regular', 'Italic', 'SemiBold', 'SemiBoldItalic', 'Bold', 'BoldItalic'].map((style) => `SourceSans3-${style}`);
    expect(bundled).toHaveLength(BUNDLED_FONT_FILES.length);
    for (const font of fonts) {
      expect(font.embedded, font.name).toBe(true);
      const name = font.name.replace(/^[A-Z]{6}\+/, '');
      expect(bundled, name).toContain(name);
    }
  });

  it('has bookmarks for exactly the sections and items, pointing at their pages', () => {
    const bookmarks = pdfBookmarks(file);
    expect(bookmarks.map((b) => b.title)).toEqual(REFERENCE_SECTIONS);
    const items = bookmarks.flatMap((b) => b.kids);
    expect(items.map((b) => b.title)).toEqual(REFERENCE_ITEMS.map(([number, title]) => `${number} ${title}`));
    expect(items.every((b) => b.kids.length === 0)).toBe(true);
    for (const bookmark of [...bookmarks, ...items]) {
      const number = bookmark.title.split(' ')[0]!;
      expect(layoutPages[bookmark.page - 1]!, bookmark.title).toMatch(new RegExp(`^\\s*${escape(number)}\\s+\\S`, 'm'));
    }
  });

  it('keeps the links with their descriptive text', () => {
    const objects = pdfObjectsJson(file);
    const body = collapse(bodyText());
    for (const link of REFERENCE_LINKS) {
      expect(objects).toContain(`"/URI": "u:${link.href}"`);
      expect(body).toContain(link.text);
    }
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The first line under the running header (layout text). */
function firstBodyLine(page: string): string | undefined {
  const lines = page.split('\n').filter((line) => line.trim() !== '');
  return lines[1];
}

/** The contents page's entries: number and page, wrapped titles joined. */
function contentsEntries(page: string): Array<{ number: string; page: number }> {
  const entries: Array<{ number: string; page: number }> = [];
  let pending: string | null = null;
  for (const raw of page.split('\n')) {
    const line = raw.replace(/\u2060/g, '').trim();
    const start = /^(\d+\.(?:\d+\.)?)\s/.exec(line);
    if (start) pending = start[1]!;
    const end = /\.\s*(\d+)$/.exec(line);
    if (pending && end) {
      entries.push({ number: pending, page: Number(end[1]) });
      pending = null;
    }
  }
  return entries;
}
