import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { agendaBody, bulletList, enclosure, indstilling, item, paragraph, section, subheading, topicLine } from '../../../shared/agenda/agenda-builders';
import { agendaFile } from '../../../shared/agenda/agenda-file';
import { writeNewAgenda } from '../../../shared/agenda/ydoc-agenda';
import { Limits } from '../../../shared/protocol/limits';

/** The large agenda limits.ts was measured with: 60 full items in three sections. */
function largeAgendaState(): Uint8Array {
  const text = 'Sagen vedrører den regionale koordinering af indsatsen, og KKR drøftede på sidste møde, hvordan kommunerne i fællesskab kan styrke samarbejdet med regionen om de nære sundhedstilbud. '.repeat(3);
  const items = Array.from({ length: 60 }, (_, i) =>
    item({
      title: `Punkt ${i + 1}: En lang titel om regionalpolitiske forhold og udpegninger`,
      caseLine: `24/${10000 + i}`,
      body: [
        subheading('baggrund'), paragraph(text),
        subheading('sagsfremstilling'), topicLine('Emne'), paragraph(text), paragraph(text), bulletList(['første punkt', 'andet punkt', 'tredje punkt']),
        subheading('indstilling'), indstilling('Det indstilles, at KKR:', ['godkender sagen', 'drøfter videre proces']),
        enclosure('Bilag 1: Notat om sagen.pdf'),
      ],
    }),
  );
  const doc = new Y.Doc();
  const meeting = { committee: 'KKR Midtjylland', kind: 'dagsorden' as const, date: '2024-06-18', time: '10.00-12.00', place: 'Viborg' };
  writeNewAgenda(doc, agendaFile(meeting, agendaBody([section('Godkendelse af referat', items.slice(0, 10)), section('Regionalpolitiske sager', items.slice(10, 40)), section('Udpegninger', items.slice(40))])));
  return Y.encodeStateAsUpdate(doc);
}

describe('limits', () => {
  it('leave at least 10× headroom over a large agenda sent whole in one frame', () => {
    const bytes = largeAgendaState().byteLength;
    expect(bytes).toBeGreaterThan(100 * 1024); // it is a large agenda
    expect(Limits.maxFrameBytes).toBeGreaterThanOrEqual(10 * bytes);
    expect(Limits.maxDocumentBytes).toBeGreaterThanOrEqual(4 * Limits.maxFrameBytes);
  });
});
