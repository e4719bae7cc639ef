import type { JSONContent } from '@tiptap/core';
import {
  agendaBody, bulletList, enclosure, indstilling, item, paragraph, section, subheading, topicLine,
} from '../../shared/agenda/agenda-builders';
import { agendaFile, type AgendaFile } from '../../shared/agenda/agenda-file';
import { KKR_STANDING_SECTIONS } from '../../shared/agenda/kkr-template';

const SENTENCE =
  'Kommunerne i regionen samarbejder om opgaver, der går på tværs af kommunegrænserne, og KKR koordinerer den fælles interessevaretagelse over for regionsrådet og staten.';

/**
 * A realistic large agenda: `items` items spread over the seven standing sections, each
 * with Baggrund, Indstilling with clauses, Sagsfremstilling with topic lines, a list and an
 * enclosure marker (about a page each in the house style). For benchmarks and limits.
 */
export function largeAgenda(items = 60): AgendaFile {
  const perSection = Math.ceil(items / KKR_STANDING_SECTIONS.length);
  let made = 0;
  const sections = KKR_STANDING_SECTIONS.map((title) => {
    const content: JSONContent[] = [];
    for (let i = 0; i < perSection && made < items; i++, made++) {
      content.push(
        item({
          title: `Sag nummer ${made + 1} om det regionale samarbejde og den fælles indsats i ${title.toLowerCase()}`,
          caseLine: `SAG-2024-${String(10000 + made).padStart(5, '0')} chbn/jhp`,
          body: [
            subheading('baggrund'),
            paragraph(`${SENTENCE} ${SENTENCE}`),
            subheading('indstilling'),
            indstilling('Det indstilles,', ['at KKR drøfter sagen', 'at KKR godkender den fælles indsats.']),
            subheading('sagsfremstilling'),
            topicLine('De økonomiske rammer'),
            paragraph(`${SENTENCE} ${SENTENCE} ${SENTENCE}`),
            bulletList(['Klima og grøn omstilling', 'Erhverv og vækst', 'Uddannelse og arbejdskraft']),
            topicLine('Den videre proces'),
            paragraph(`${SENTENCE} ${SENTENCE}`),
            enclosure(`Bilag ${made + 1}: Notat om sagen`),
          ],
        }),
      );
    }
    return section(title, content);
  });
  return agendaFile({ committee: 'KKR Midtjylland', kind: 'dagsorden', date: '2024-06-18', time: '10.00-13.00', place: 'Regionshuset Viborg' }, agendaBody(sections));
}
