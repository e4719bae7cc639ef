import { describe, expect, it } from 'vitest';
import type { JSONContent } from '@tiptap/core';
import { parseAgendaFile } from '../../../../shared/agenda/agenda-file';
import { AgendaImportError, importAgendaText, UNPLACED_ITEM_TITLE } from '../../../../shared/import/index';
import { agendaLinks, agendaReadingLines, wordsOf } from '../../../support/agenda-words';

const inlineText = (node: JSONContent | undefined): string => (node?.content ?? []).map((child) => child.text ?? '').join('');
const itemsOf = (body: JSONContent) => (body.content ?? []).flatMap((section) => (section.content ?? []).slice(1));

/** A small single-spaced agenda text with form feeds between pages (as pdftotext writes it). */
const SMALL_AGENDA = [
  'K K R  M I D T J Y L L A N D',
  '',
  'Dagsorden',
  '',
  'Tirsdag den 18. juni 2024, kl. 10.00-12.00',
  'Sted: Regionshuset Viborg',
  '',
  'Mission',
  'KL bidrager til at udvikle og fastholde et stærkt lokalt',
  'demokrati.',
  '\f1. Godkendelse af referat',
  '',
  '1.1. Godkendelse af referat fra møde i KKR Midtjylland den 17.',
  'april 2024',
  'SAG-2024-01875 chbn/jhp',
  '',
  'Baggrund',
  'Referatet kan læses her',
  '',
  'Indstilling',
  'Det indstilles, at KKR Midtjylland godkender referatet.',
  '',
  'https://www.kl.dk/referat.pdf',
  '\f2. Siden sidst',
  '',
  '2.1. Orienteringer',
  'SAG-2024-01875 chbn / jhp',
  '',
  'Sagsfremstilling',
  'Henvendelse til Erhvervsministeren',
  'I forlængelse af seneste møde fremsendte formandskabet en henvendelse om Frigastud-',
  'valgets rapport.',
  '',
  './. Brevet fra KKR',
  'formandskabet er vedlagt.',
  './.',
  'Årsregnskab 2023',
  '',
].join('\n');

describe('importing a single-spaced text with form feeds and a full cover', () => {
  const result = importAgendaText(SMALL_AGENDA);

  it('reads the meeting facts from the cover', () => {
    expect(result.agenda.meeting).toEqual({ committee: 'KKR Midtjylland', kind: 'dagsorden', date: '2024-06-18', time: '10.00-12.00', place: 'Regionshuset Viborg' });
    expect(result.cover.map((c) => c.kind)).toEqual(['committee', 'kind', 'date', 'place', 'mission']);
    expect(result.warnings).toEqual([]);
  });

  it('finds sections at page starts, items with wrapped titles and both case-line forms', () => {
    expect(result.summary).toMatchObject({ sections: 2, items: 2, enclosures: 2, links: 1 });
    const [first, second] = itemsOf(result.agenda.body);
    expect(inlineText(first!.content![0])).toBe('Godkendelse af referat fra møde i KKR Midtjylland den 17. april 2024');
    expect(inlineText(first!.content![1])).toBe('SAG-2024-01875 chbn/jhp');
    expect(inlineText(second!.content![1])).toBe('SAG-2024-01875 chbn / jhp');
  });

  it('reads a topic line, a hyphenated paragraph, and "./." markers whose text wraps onto the next line', () => {
    const blocks = itemsOf(result.agenda.body)[1]!.content!.slice(2);
    expect(blocks.map((b) => [b.type, inlineText(b)])).toEqual([
      ['subheading', ''],
      ['topicLine', 'Henvendelse til Erhvervsministeren'],
      ['paragraph', 'I forlængelse af seneste møde fremsendte formandskabet en henvendelse om Frigastudvalgets rapport.'],
      ['enclosure', 'Brevet fra KKR formandskabet er vedlagt.'],
      ['enclosure', 'Årsregnskab 2023'],
    ]);
  });

  it('links the bare URL to "kan læses her" on its page', () => {
    expect(agendaLinks(result.agenda.body)).toEqual([{ text: 'kan læses her', href: 'https://www.kl.dk/referat.pdf' }]);
  });
});

describe('text that cannot be placed', () => {
  it('keeps unrecognised cover text and text before a section’s first item as paragraphs, and reports them', () => {
    const source = [
      'Et løst notat på forsiden',
      '',
      '1. Godkendelse af referat',
      '',
      '1.1. Godkendelse af referat',
      'SAG-2024-01875 chbn',
      '',
      'Baggrund',
      'Referatet er udsendt.',
      '',
      '2. Siden sidst',
      '',
      'Tekst under afsnittet før første punkt.',
      '',
      '2.1. Orienteringer',
      'SAG-2024-01875 chbn',
    ].join('\n');
    const result = importAgendaText(source);
    const reading = agendaReadingLines(result.agenda.body);
    expect(reading).toEqual([
      '1. Godkendelse af referat',
      '1.1. Godkendelse af referat',
      'SAG-2024-01875 chbn',
      'Et løst notat på forsiden',
      'Baggrund',
      'Referatet er udsendt.',
      'Tekst under afsnittet før første punkt.',
      '2. Siden sidst',
      '2.1. Orienteringer',
      'SAG-2024-01875 chbn',
    ]);
    const placed = result.warnings.filter((w) => w.message.includes('passer ikke'));
    expect(placed.map((w) => [w.line, w.message.match(/punkt \d\.\d\./)?.[0]])).toEqual([
      [1, 'punkt 1.1.'],
      [13, 'punkt 1.1.'],
    ]);
  });

  it('makes an item to hold text when the agenda has sections but no items', () => {
    const result = importAgendaText(['1. Godkendelse af referat', '', 'Referatet er udsendt.', '', '2. Eventuelt', ''].join('\n'));
    expect(result.summary).toMatchObject({ sections: 2, items: 1 });
    const holder = itemsOf(result.agenda.body)[0]!;
    expect(inlineText(holder.content![0])).toBe(UNPLACED_ITEM_TITLE);
    expect(agendaReadingLines(result.agenda.body)).toContain('Referatet er udsendt.');
    expect(result.warnings.map((w) => w.message).join('\n')).toContain('passer ikke');
  });

  it('keeps a link address that finds no link text as a linked paragraph, with a warning', () => {
    const result = importAgendaText(['1. Eventuelt', '', '1.1. Eventuelt', 'SAG-2024-01875 chbn', '', 'Intet at bemærke.', '', 'https://example.org/bilag.pdf', ''].join('\n'));
    expect(agendaLinks(result.agenda.body)).toEqual([{ text: 'https://example.org/bilag.pdf', href: 'https://example.org/bilag.pdf' }]);
    expect(result.warnings).toContainEqual({ line: 8, message: expect.stringContaining('kunne ikke knyttes til en linktekst') });
  });

  it('warns about an item without a case line and keeps its text', () => {
    const result = importAgendaText(['1. Eventuelt', '', '1.1. Eventuelt', '', 'Intet at bemærke.', ''].join('\n'));
    expect(result.warnings).toContainEqual({ line: 3, message: expect.stringContaining('ingen sagslinje') });
    expect(wordsOf(agendaReadingLines(result.agenda.body).join(' '))).toEqual(['1', 'Eventuelt', '1.1', 'Eventuelt', 'Intet', 'at', 'bemærke']);
  });

  it('starts a section for an item whose section has no heading, and warns', () => {
    const result = importAgendaText(['1. Godkendelse af referat', '', '1.1. Godkendelse', 'SAG-2024-01875 chbn', '', '2.1. Orienteringer', 'SAG-2024-01875 chbn', ''].join('\n'));
    expect(result.summary).toMatchObject({ sections: 2, items: 2 });
    expect(result.warnings).toContainEqual({ line: 6, message: expect.stringContaining('Afsnit 2 har ingen overskrift') });
  });
});

describe('other import rules', () => {
  it('marks a closed item (lukket punkt) and takes the marker out of its title', () => {
    const result = importAgendaText(['1. Udpegninger', '', '1.1. (Lukket punkt) Udpegning til bestyrelse', 'SAG-2024-01875 chbn', ''].join('\n'));
    const item = itemsOf(result.agenda.body)[0]!;
    expect(item.attrs?.closed).toBe(true);
    expect(inlineText(item.content![0])).toBe('Udpegning til bestyrelse');
  });

  it.each([
    ['Lukket punkt: Udpegning', true, 'Udpegning'],
    ['Udpegning (lukket punkt)', true, 'Udpegning'],
    ['Lukket punkt om tavshedspligt', false, 'Lukket punkt om tavshedspligt'],
  ])('reads the closed-item marker in "%s"', (title, closed, rest) => {
    const item = itemsOf(importAgendaText(`1. Udpegninger\n\n1.1. ${title}\nSAG-2024-01875 chbn\n`).agenda.body)[0]!;
    expect([item.attrs?.closed, inlineText(item.content![0])]).toEqual([closed, rest]);
  });

  it('reads Beslutning and makes a text with decisions a referat', () => {
    const result = importAgendaText(['1. Eventuelt', '', '1.1. Eventuelt', 'SAG-2024-01875 chbn', '', 'Beslutning', 'Intet.', ''].join('\n'));
    expect(result.agenda.meeting.kind).toBe('referat');
    expect(itemsOf(result.agenda.body)[0]!.content![2]).toEqual({ type: 'subheading', attrs: { kind: 'beslutning' } });
  });

  it('does not take a numbered line inside a body for a section heading', () => {
    const result = importAgendaText(['1. Siden sidst', '', '1.1. Orienteringer', 'SAG-2024-01875 chbn', '', 'Punkter:', '2. Kvartalsmøde med regionen', 'og mere tekst', ''].join('\n'));
    expect(result.summary.sections).toBe(1);
  });

  it('refuses a text with no agenda in it', () => {
    expect(() => importAgendaText('Kære alle\n\nHer er noget tekst uden dagsorden.\n')).toThrow(AgendaImportError);
    expect(() => importAgendaText('')).toThrow(/Ingen dagsorden fundet/);
  });

  it('refuses invalid meeting facts given as options', () => {
    expect(() => importAgendaText('1. Eventuelt\n', { meeting: { date: '18-06-2024' } })).toThrow(/Ugyldige mødeoplysninger/);
  });

  it('always produces an agenda file that passes the file check', () => {
    const result = importAgendaText(SMALL_AGENDA_WITH_ODD_BITS);
    expect(() => parseAgendaFile(JSON.parse(JSON.stringify(result.agenda)))).not.toThrow();
  });
});

const SMALL_AGENDA_WITH_ODD_BITS = [
  '1. Godkendelse af referat',
  '',
  '1.1. Punkt',
  'SAG-2024-01875 chbn',
  'Indstilling',
  '- at noget',
  '-',
  './.',
  '',
  'javascript:alert(1)',
  'https://' + 'x'.repeat(3000),
  '',
].join('\n');
