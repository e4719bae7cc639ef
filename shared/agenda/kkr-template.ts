import { agendaBody, indstilling, item, paragraph, section, subheading } from './agenda-builders';
import { agendaFile, type AgendaFile } from './agenda-file';
import type { MeetingFacts } from './meeting-facts';

/** The seven standing sections of a KKR agenda, in order. */
export const KKR_STANDING_SECTIONS = [
  'Godkendelse af referat',
  'Siden sidst',
  'Regionalpolitiske sager',
  'Udpegninger',
  'KKR',
  'Punkter til næste møde',
  'Eventuelt',
] as const;

/**
 * A new KKR agenda: the standing sections, with "Godkendelse af referat" and "Eventuelt"
 * items filled in. Written once, into a brand-new document (never "if empty after sync").
 */
export function kkrTemplate(meeting: MeetingFacts): AgendaFile {
  const committee = meeting.committee.trim() || 'KKR';
  const sections = KKR_STANDING_SECTIONS.map((title) => {
    if (title === 'Godkendelse af referat') {
      return section(title, [
        item({
          title: `Godkendelse af referat fra møde i ${committee}`,
          body: [
            subheading('baggrund'),
            paragraph('Referatet fra mødet kan læses her.'),
            subheading('indstilling'),
            indstilling(`Det indstilles, at ${committee} godkender referatet.`),
          ],
        }),
      ]);
    }
    if (title === 'Eventuelt') return section(title, [item({ title: 'Eventuelt' })]);
    return section(title);
  });
  return agendaFile(meeting, agendaBody(sections));
}
