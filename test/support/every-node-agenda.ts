import {
  agendaBody, bulletList, enclosure, indstilling, item, link, paragraph, section, subheading, text, topicLine,
} from '../../shared/agenda/agenda-builders';
import { agendaFile, type AgendaFile } from '../../shared/agenda/agenda-file';

/**
 * One agenda that uses every node and mark type of the schema (and an empty section and a
 * closed item). Tests of the schema, the agenda file, sync and export all use it, so a new
 * node type must be added here, and then every one of them checks it.
 */
export function everyNodeAgenda(): AgendaFile {
  return agendaFile(
    { committee: 'KKR Midtjylland', kind: 'dagsorden', date: '2024-06-18', time: '10.00-12.00', place: 'Regionshuset Viborg' },
    agendaBody([
      section('Godkendelse af referat', [
        item({
          title: 'Godkendelse af referat fra møde i KKR Midtjylland den 17. april 2024',
          caseLine: 'SAG-2024-01875 chbn/jhp',
          body: [
            subheading('baggrund'),
            paragraph([
              ...text('Referatet kan '),
              ...text('læses her', [link('https://www.kl.dk/referat.pdf')]),
              ...text(' og spørgsmål sendes til '),
              ...text('sekretariatet', [link('mailto:kkr@kl.dk')]),
              ...text('.'),
            ]),
            subheading('indstilling'),
            indstilling('Det indstilles, at KKR Midtjylland godkender referatet.'),
          ],
        }),
      ]),
      section('Regionalpolitiske sager', [
        item({
          title: 'Årlig beretning fra Central Denmark EU Office',
          caseLine: 'SAG-2024-01875 chbn',
          body: [
            subheading('baggrund'),
            paragraph([...text('Beretningen er '), ...text('vigtig', [{ type: 'bold' }]), ...text(' og '), ...text('årlig', [{ type: 'italic' }]), ...text('.')]),
            subheading('indstilling'),
            indstilling('Det indstilles,', ['at KKR drøfter beretningen', 'at KKR godkender indsatsområderne.']),
            subheading('sagsfremstilling'),
            topicLine('Forslag til fælles indsatsområder'),
            bulletList(['Klima', 'Erhverv og vækst']),
            paragraph([...text('Første linje'), { type: 'hardBreak' }, ...text('anden linje')]),
            enclosure('Årsregnskab 2023'),
            subheading('beslutning'),
            paragraph('Godkendt.'),
          ],
        }),
        item({
          title: 'Fortrolig personsag',
          caseLine: 'SAG-2024-09999 abc',
          closed: true,
          body: [subheading('baggrund'), paragraph('Hemmeligordet zyxwvu må ikke offentliggøres.'), enclosure('Fortroligt bilag qwerty')],
        }),
      ]),
      section('Udpegninger'),
      section('Eventuelt', [item({ title: 'Eventuelt', caseLine: 'SAG-2024-01875 chbn' })]),
    ]),
  );
}
