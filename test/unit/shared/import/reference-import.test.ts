import type { JSONContent } from '@tiptap/core';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAgendaFileText, serializeAgendaFile } from '../../../../shared/agenda/agenda-file';
import { importAgendaText } from '../../../../shared/import/import-agenda';
import { joinLines } from '../../../../shared/import/line-join';
import { agendaLinks, agendaReadingLines, wordsOf } from '../../../support/agenda-words';

const reference = readFileSync(new URL('../../../fixtures/kkr-midtjylland-2024-06-18.txt', import.meta.url), 'utf8');
const result = importAgendaText(reference);
const body = result.agenda.body;

const inlineText = (node: JSONContent | undefined): string => (node?.content ?? []).map((child) => child.text ?? '').join('');

interface ImportedItem {
  number: string;
  title: string;
  caseLine: string;
  closed: boolean;
  blocks: JSONContent[];
}

const items: ImportedItem[] = (body.content ?? []).flatMap((section, s) =>
  (section.content ?? []).slice(1).map((item, i) => ({
    number: `${s + 1}.${i + 1}.`,
    title: inlineText(item.content![0]),
    caseLine: inlineText(item.content![1]),
    closed: item.attrs?.closed === true,
    blocks: item.content!.slice(2),
  })),
);
const itemByNumber = (number: string): ImportedItem => {
  const found = items.find((item) => item.number === number);
  if (!found) throw new Error(`no item ${number}`);
  return found;
};

/** Expected shape of each item of the reference, read from the reference by hand. */
const EXPECTED_ITEMS = [
  {
    number: '1.1.',
    title: 'Godkendelse af referat fra møde i KKR Midtjylland den 17. april 2024',
    caseLine: 'SAG-2024-01875 chbn/jhp',
    subheadings: ['baggrund', 'indstilling'],
    lead: 'Det indstilles, at KKR Midtjylland godkender referatet fra mødet den 17. april 2024.',
    clauses: [],
    enclosures: [],
    topics: [],
  },
  {
    number: '2.1.',
    title: 'Orienteringer',
    caseLine: 'SAG-2024-01875 chbn / jhp',
    subheadings: ['baggrund', 'indstilling', 'sagsfremstilling'],
    lead: 'Det indstilles, at KKR Midtjylland tager orienteringerne til efterretning',
    clauses: [],
    enclosures: [
      'Brevet fra KKR formandskabet er vedlagt.',
      'Brevet til regionsrådsformanden og svaret fra regionsrådsformanden er vedlagt.',
    ],
    topics: [
      'Henvendelse til Erhvervsministeren vedr. Frigastudvalget',
      'Henvendelse til regionsrådsformanden vedr. regionalpolitiskforum om fremtidens landdistrikter',
      'Møde mellem KL og KKR formandskaberne',
      'Kvartalsmøde med regionsrådsformanden',
    ],
  },
  {
    number: '3.1.',
    title: 'Årlig beretning fra næstformanden i Central Denmark EU Office',
    caseLine: 'SAG-2024-01875 chbn',
    subheadings: ['baggrund', 'indstilling', 'sagsfremstilling'],
    lead: 'Det indstilles,',
    clauses: [
      'at KKR Midtjylland drøfter beretningen fra formanden for CDEU med henblik på at lade sig repræsentere af KKR formandskabet i forbindelse med den formelle generalforsamling på kvartalsmødet den 9. oktober 2024.',
      'At KKR Midtjylland godkender indsatsområderne mellem CDEU og KKR Midtjylland.',
    ],
    enclosures: ['Årsregnskab 2023', 'Dagsorden til generalforsamling 2024', 'Fælles indsatsområder.'],
    topics: ['Forslag til fælles indsatsområder'],
  },
  {
    number: '3.2.',
    title: 'Temadrøftelse: Sundhedsstrukturkommissionens modeller for fremtidens sundhedsvæsen',
    caseLine: 'SAG-2024-01875 asfn/jhp',
    subheadings: ['baggrund', 'indstilling', 'sagsfremstilling'],
    lead: 'Det indstilles, at KKR Midtjylland',
    clauses: [
      'drøfter kommissionens modeller for fremtidens sundhedsvæsen. Herunder giver input til KL’s høringssvar og videre interessevaretagelse i forhold til en kommende sundhedsreform.',
    ],
    enclosures: [],
    topics: [
      'Sundhedsstrukturkommissionens opgave og modeller',
      'En sundhedsreform som omstiller til og styrker den nære sundhed',
      'KL’s overvejelser om fremtidens sundhedsvæsen',
    ],
  },
  {
    number: '3.3.',
    title: 'Økonomiaftale 2025',
    caseLine: 'SAG-2024-01875 haan',
    subheadings: ['baggrund', 'indstilling', 'sagsfremstilling'],
    lead: 'Det indstilles, at KKR Midtjylland tager orienteringen til efterretning',
    clauses: [],
    enclosures: [],
    topics: ['De økonomiske rammer', 'Øvrige økonomiske temaer', 'Flerårigt samarbejde', 'Folkeskolen', 'Klima, cybersikkerhed og beredskab'],
  },
  {
    number: '3.4.',
    title: 'Landstallet for flygtning 2025',
    caseLine: 'SAG-2024-01875 chbn',
    subheadings: ['baggrund', 'indstilling', 'sagsfremstilling'],
    lead: 'Det indstilles,',
    clauses: [
      'At KKR Midtjylland godkender Udlændingestyrelsens beregnede fordeling af flygtninge i 2025 mellem de 19 midtjyske kommuner',
      'At KKR Midtjylland godkender, at modellen fastholdes, hvis landstallet for 2025 på et senere tidspunkt bliver ændret.',
    ],
    enclosures: ['Henvendelse fra Udlændingestyrelsen'],
    topics: ['Regionskvoter 2025', 'Kommunekvoter 2025'],
  },
  {
    number: '3.5.',
    title: 'Erhvervsfremmestrategi 2024-2027',
    caseLine: 'SAG-2024-01875 snm',
    subheadings: ['baggrund', 'indstilling', 'sagsfremstilling'],
    lead: 'Det indstilles, at KKR Midtjylland tager orienteringen til efterretning.',
    clauses: [],
    enclosures: [],
    topics: ['Syv signaturindsatser', 'Lokale ambitioner'],
  },
  {
    number: '6.1.',
    title: 'Punkter til mødet i KKR Midtjylland den 6. september 2024',
    caseLine: 'SAG-2024-01875 chbn/jhp',
    subheadings: ['baggrund', 'indstilling'],
    lead: 'Det indstilles, at KKR Midtjylland tager orienteringen til efterretning.',
    clauses: [],
    enclosures: [],
    topics: [],
  },
  {
    number: '7.1.',
    title: 'Eventuelt',
    caseLine: 'SAG-2024-01875 chbn',
    subheadings: [],
    lead: null,
    clauses: [],
    enclosures: [],
    topics: [],
  },
];

describe('importing the reference agenda (KKR Midtjylland, 18 June 2024)', () => {
  it('yields 7 sections, 9 items and 6 enclosure markers', () => {
    expect(result.summary).toMatchObject({ sections: 7, items: 9, enclosures: 6 });
    expect(body.content).toHaveLength(7);
    expect(items).toHaveLength(9);
  });

  it('finds the seven standing sections, including the empty ones', () => {
    const sections = (body.content ?? []).map((section) => [inlineText(section.content![0]), section.content!.length - 1]);
    expect(sections).toEqual([
      ['Godkendelse af referat', 1],
      ['Siden sidst', 1],
      ['Regionalpolitiske sager', 5],
      ['Udpegninger', 0],
      ['KKR', 0],
      ['Punkter til næste møde', 1],
      ['Eventuelt', 1],
    ]);
  });

  for (const expected of EXPECTED_ITEMS) {
    describe(`item ${expected.number}`, () => {
      const item = itemByNumber(expected.number);

      it('has its title (wrapped lines joined) and case line', () => {
        expect(item.title).toBe(expected.title);
        expect(item.caseLine).toBe(expected.caseLine);
        expect(item.closed).toBe(false);
      });

      it('has its subheadings in order', () => {
        expect(item.blocks.filter((b) => b.type === 'subheading').map((b) => b.attrs?.kind)).toEqual(expected.subheadings);
      });

      it('has its Indstilling, with lead and clauses, right after the subheading', () => {
        const indstillinger = item.blocks.filter((b) => b.type === 'indstilling');
        if (expected.lead === null) {
          expect(indstillinger).toHaveLength(0);
          return;
        }
        expect(indstillinger).toHaveLength(1);
        const index = item.blocks.indexOf(indstillinger[0]!);
        expect(item.blocks[index - 1]).toMatchObject({ type: 'subheading', attrs: { kind: 'indstilling' } });
        const [lead, clauses] = indstillinger[0]!.content!;
        expect(inlineText(lead)).toBe(expected.lead);
        expect((clauses?.content ?? []).map((entry) => inlineText(entry.content![0]))).toEqual(expected.clauses);
      });

      it('has its enclosure markers', () => {
        expect(item.blocks.filter((b) => b.type === 'enclosure').map(inlineText)).toEqual(expected.enclosures);
      });

      it('has its topic lines', () => {
        expect(item.blocks.filter((b) => b.type === 'topicLine').map(inlineText)).toEqual(expected.topics);
      });
    });
  }

  it('joins wrapped bullet entries and keeps "-" and "–" lists as lists', () => {
    const orienteringer = itemByNumber('2.1.').blocks.find((b) => b.type === 'bulletList')!;
    expect(orienteringer.content!.map((entry) => inlineText(entry.content![0]))).toEqual([
      'Henvendelse til Erhvervsministeren vedr. Frigastudvalgets rapport',
      'Henvendelse til regionsrådsformanden vedr. regionalpolitisk forum',
      'Møde mellem KL og KKR formandskaberne',
      'Kvartalsmøde med regionsrådsformanden 19. juni 2024.',
    ]);
    const models = itemByNumber('3.2.').blocks.filter((b) => b.type === 'bulletList')[1]!;
    expect(inlineText(models.content![0]!.content![0])).toBe(
      '"Klyngemodellen”, hvor der etableres 7-12 sundheds- og omsorgsklynger (amter), der samler sundheds- og ældreområderne efter finsk forbillede. I denne model flyttes ældreområdet og sundhedsområdet fra kommunerne til amtslignende enheder.',
    );
  });

  it('ends a list entry where a page ends a sentence and the next page starts a paragraph', () => {
    const blocks = itemByNumber('3.2.').blocks;
    const after = (text: string) => blocks[blocks.findIndex((b) => b.type === 'bulletList' && inlineText(b.content!.at(-1)!.content![0]).endsWith(text)) + 1];
    expect(inlineText(after('sundhed for pengene.'))).toMatch(/^Sundhedsstrukturkommissionen forventes at fremlægge tre modeller\./);
    expect(inlineText(after('specialisten på sygehus.'))).toMatch(/^Det store fokus på sammenhæng/);
  });

  it('attaches the bare URLs at page ends to their link texts', () => {
    expect(agendaLinks(body)).toEqual([
      { text: 'kan læses her', href: 'https://www.kl.dk/media/2i0nfmya/referat-fra-moede-i-kkr-midtjylland-den-17-april-2024.pdf?format=noformat' },
      { text: 'Årsberetning 2023 - Central Denmark EU Office', href: 'https://centraldenmark.eu/om-cdeu/aarsrapporter/aarsberetning-2023/' },
    ]);
    expect(result.summary.links).toBe(2);
  });

  it('reports the cover’s Mission and Vision box as cover text, not body', () => {
    expect(result.cover.map((c) => [c.kind, c.heading])).toEqual([
      ['mission', 'Mission'],
      ['vision', 'Vision'],
    ]);
    expect(result.cover[0]!.text).toMatch(/^KL bidrager til at udvikle og fastholde et stærkt lokalt demokrati\./);
    expect(agendaReadingLines(body).join(' ')).not.toContain('KL bidrager');
  });

  it('takes the committee from the text, and leaves date, time and place empty with warnings', () => {
    expect(result.agenda.meeting).toEqual({ committee: 'KKR Midtjylland', kind: 'dagsorden', date: '', time: '', place: '' });
    const messages = result.warnings.map((w) => w.message);
    expect(messages).toContainEqual(expect.stringContaining('"KKR Midtjylland" er udledt af teksten'));
    expect(messages).toContainEqual(expect.stringContaining('Mødedatoen'));
  });

  it('takes meeting facts given as options over the text', () => {
    const given = importAgendaText(reference, { meeting: { committee: 'KKR Midtjylland', date: '2024-06-18', time: '10.00-12.00', place: 'Regionshuset Viborg' } });
    expect(given.agenda.meeting).toEqual({ committee: 'KKR Midtjylland', kind: 'dagsorden', date: '2024-06-18', time: '10.00-12.00', place: 'Regionshuset Viborg' });
    expect(given.warnings.map((w) => w.message).join('\n')).not.toMatch(/Mødedatoen|udledt|tidspunkt/);
  });

  it('reports the one thing it left out (an empty bullet) and nothing unplaced', () => {
    expect(result.warnings.filter((w) => w.line > 0)).toEqual([{ line: 672, message: expect.stringContaining('Tomt punkt') }]);
  });

  it('writes a valid agenda file', () => {
    expect(parseAgendaFileText(serializeAgendaFile(result.agenda))).toEqual(result.agenda);
  });

  describe('word-level comparison with the reference', () => {
    const rawLines = reference.split('\n').map((line) => line.trim());
    const isUrl = (line: string) => /^https?:\/\//.test(line);
    const firstSectionLine = rawLines.findIndex((line) => line === '1. Godkendelse af referat');
    /** The reference's words, line-end hyphenation undone by the importer's documented rule. */
    const referenceWords = (lines: string[]) => wordsOf(lines.filter((line) => line !== '' && !isUrl(line)).reduce(joinLines, ''));

    it('accounts for every cover word as recognised cover text', () => {
      const coverWords = referenceWords(rawLines.slice(0, firstSectionLine));
      expect(coverWords.length).toBeGreaterThan(40);
      expect(result.cover.flatMap((c) => wordsOf(`${c.heading ?? ''} ${c.text}`))).toEqual(coverWords);
    });

    it('finds no word missing or added in the body, in order', () => {
      const expected = referenceWords(rawLines.slice(firstSectionLine));
      const actual = wordsOf(agendaReadingLines(body).join('\n'));
      expect(expected.length).toBeGreaterThan(3000);
      // On a mismatch, show where the two first differ.
      const firstDifference = expected.findIndex((word, index) => actual[index] !== word);
      expect(firstDifference === -1 ? null : { index: firstDifference, expected: expected.slice(firstDifference, firstDifference + 8), actual: actual.slice(firstDifference, firstDifference + 8) }).toBeNull();
      expect(actual).toEqual(expected);
    });

    it('keeps every link address of the reference', () => {
      const urls = new Set(rawLines.filter(isUrl));
      expect(new Set(agendaLinks(body).map((link) => link.href))).toEqual(urls);
    });

    it('removes hyphens that split words and keeps real ones', () => {
      const words = new Set(wordsOf(agendaReadingLines(body).join('\n')));
      for (const word of ['Frigastudvalget', 'Erhvervsstøtteordningerne', 'University', 'Ukraine', 'regionsrådsformanden', 'EU-formandskabet', 'KKR-formandskabet', '2024-2026', 'SAG-2024-01875', 'EU-strukturfondsmidler', 'SOSU-uddannelserne']) {
        expect(words, word).toContain(word);
      }
      for (const split of ['Frigastud', 'valget', 'Univer', 'Ukra', 'fremti']) expect(words, split).not.toContain(split);
      expect(agendaReadingLines(body).join('\n')).toContain('7-12 sundheds- og omsorgsklynger');
    });
  });
});
