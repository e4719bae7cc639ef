import { describe, expect, it } from 'vitest';
import { agendaNumbers } from '../../../../shared/agenda/numbering';
import { parseAgendaBody } from '../../../../shared/agenda/agenda-file';
import { agendaSchema } from '../../../../shared/schema/agenda-schema';
import { AGENDA_MARK_TYPES, AGENDA_NODE_TYPES } from '../../../../shared/schema/agenda-extensions';
import { agendaExportData } from '../../../../shared/export/agenda-export-data';
import type { ExportBlock } from '../../../../shared/export/export-data';
import { everyNodeAgenda } from '../../../support/every-node-agenda';

describe('agendaExportData', () => {
  it('covers every node and mark type of the schema (the switch over them is checked at compile time)', () => {
    expect([...AGENDA_NODE_TYPES].sort()).toEqual(Object.keys(agendaSchema().nodes).sort());
    expect([...AGENDA_MARK_TYPES].sort()).toEqual(Object.keys(agendaSchema().marks).sort());
  });

  it('carries the meeting facts and the document title', () => {
    const data = agendaExportData(everyNodeAgenda(), { public: false });
    expect(data).toMatchObject({
      title: 'Dagsorden – KKR Midtjylland – 18. juni 2024', lang: 'da', kindLabel: 'Dagsorden', committee: 'KKR Midtjylland',
      date: '18. juni 2024', time: '10.00-12.00', place: 'Regionshuset Viborg', public: false, closedLabel: '(Lukket punkt)',
    });
  });

  it('numbers sections and items as agendaNumbers does', () => {
    const agenda = everyNodeAgenda();
    const data = agendaExportData(agenda, { public: false });
    const exported = data.sections.flatMap((s) => [s.number, ...s.items.map((i) => i.number)]);
    expect(exported).toEqual(agendaNumbers(parseAgendaBody(agenda.body)).map((n) => n.label));
    expect(data.sections.map((s) => `${s.number} ${s.title}`)).toEqual(['1. Godkendelse af referat', '2. Regionalpolitiske sager', '3. Udpegninger', '4. Eventuelt']);
    expect(data.sections[2]!.items).toEqual([]);
  });

  it('maps every block kind, and keeps bold, italic, links and line breaks', () => {
    const data = agendaExportData(everyNodeAgenda(), { public: false });
    const item = data.sections[1]!.items[0]!;
    expect(item).toMatchObject({ number: '2.1.', caseNumber: 'SAG-2024-01875', initials: 'chbn', closed: false, withheld: false });
    expect(item.body.map((b) => b.kind)).toEqual([
      'subheading', 'paragraph', 'subheading', 'indstilling', 'subheading', 'topicLine', 'list', 'paragraph', 'enclosure', 'subheading', 'paragraph',
    ]);
    const emphasis = item.body[1] as Extract<ExportBlock, { kind: 'paragraph' }>;
    expect(emphasis.content).toEqual([
      { kind: 'text', text: 'Beretningen er ', bold: false, italic: false, href: null },
      { kind: 'text', text: 'vigtig', bold: true, italic: false, href: null },
      { kind: 'text', text: ' og ', bold: false, italic: false, href: null },
      { kind: 'text', text: 'årlig', bold: false, italic: true, href: null },
      { kind: 'text', text: '.', bold: false, italic: false, href: null },
    ]);
    expect(item.body[3]).toEqual({
      kind: 'indstilling',
      lead: [{ kind: 'text', text: 'Det indstilles,', bold: false, italic: false, href: null }],
      clauses: [
        [{ kind: 'paragraph', content: [{ kind: 'text', text: 'at KKR drøfter beretningen', bold: false, italic: false, href: null }] }],
        [{ kind: 'paragraph', content: [{ kind: 'text', text: 'at KKR godkender indsatsområderne.', bold: false, italic: false, href: null }] }],
      ],
    });
    expect(item.body[4]).toEqual({ kind: 'subheading', subheading: 'sagsfremstilling', label: 'Sagsfremstilling' });
    expect((item.body[7] as Extract<ExportBlock, { kind: 'paragraph' }>).content.map((i) => i.kind)).toEqual(['text', 'break', 'text']);
    const links = (data.sections[0]!.items[0]!.body[1] as Extract<ExportBlock, { kind: 'paragraph' }>).content.filter((i) => i.kind === 'text' && i.href);
    expect(links).toMatchObject([{ text: 'læses her', href: 'https://www.kl.dk/referat.pdf' }, { text: 'sekretariatet', href: 'mailto:kkr@kl.dk' }]);
  });

  it('withholds everything but number and title of a closed item in the public version', () => {
    const data = agendaExportData(everyNodeAgenda(), { public: true });
    const closed = data.sections[1]!.items[1]!;
    expect(closed).toEqual({ number: '2.2.', title: 'Fortrolig personsag', caseNumber: '', initials: '', closed: true, withheld: true, body: [] });
    const json = JSON.stringify(data);
    for (const secret of ['Hemmeligordet', 'zyxwvu', 'qwerty', 'SAG-2024-09999']) expect(json).not.toContain(secret);
    expect(data.sections[3]!.items[0]!.number).toBe('4.1.');
  });

  it('prints a closed item in full in the internal version', () => {
    const closed = agendaExportData(everyNodeAgenda(), { public: false }).sections[1]!.items[1]!;
    expect(closed).toMatchObject({ closed: true, withheld: false, caseNumber: 'SAG-2024-09999' });
    expect(JSON.stringify(closed.body)).toContain('zyxwvu');
  });

  it('refuses a body that does not fit the schema', () => {
    const agenda = everyNodeAgenda();
    agenda.body = { type: 'doc', content: [{ type: 'paragraph' }] };
    expect(() => agendaExportData(agenda, { public: false })).toThrow(/Ugyldig dagsordensfil/);
  });
});
